import { describe, expect, it } from 'vitest';
import type { EndpointContract } from '@specl/runtime';
import { RouteTable } from '@specl/runtime';

/** Endpoints with a method and a path: all the route table reads of a contract. */
function table(routes: readonly (readonly [string, string, string])[]) {
  const endpoints = Object.fromEntries(
    routes.map(([name, method, path]) => [name, { name, method, path } as EndpointContract]),
  );
  return new RouteTable(endpoints);
}

describe('the route table', () => {
  const routes = table([
    ['getUser', 'GET', '/users/{id}'],
    ['getMe', 'GET', '/users/me'],
    ['deleteUser', 'DELETE', '/users/{id}'],
    ['listRepos', 'GET', '/users/{id}/repos'],
    ['getRepo', 'GET', '/repos/{owner}/{repo}'],
    // Many endpoints of other shapes, as a large API has: none may be matched by mistake.
    ...Array.from({ length: 500 }, (_, i) => [`op${i}`, 'GET', `/things${i}/{id}`] as const),
  ]);
  const match = (method: string, path: string) => {
    const routed = routes.match(method, path);
    return routed && [routed.contract.name, routed.pathParams];
  };

  it('matches by method, number of segments and literals first', () => {
    expect(match('get', '/users/me')).toEqual(['getMe', {}]);
    expect(match('GET', '/users/42')).toEqual(['getUser', { id: '42' }]);
    expect(match('DELETE', '/users/me')).toEqual(['deleteUser', { id: 'me' }]);
    expect(match('GET', '/users/a%20b/repos')).toEqual(['listRepos', { id: 'a b' }]);
    expect(match('GET', '/repos/o/r')).toEqual(['getRepo', { owner: 'o', repo: 'r' }]);
    expect(match('GET', '/things499/x')).toEqual(['op499', { id: 'x' }]);
  });

  it('matches nothing for another method, another shape, an empty or malformed parameter', () => {
    expect(match('POST', '/users/42')).toBeUndefined();
    expect(match('GET', '/users/42/repos/x')).toBeUndefined();
    expect(match('GET', '/users/')).toBeUndefined();
    expect(match('GET', '/users/%E0%A4%A')).toBeUndefined();
    expect(match('GET', '/things500/x')).toBeUndefined();
  });
});
