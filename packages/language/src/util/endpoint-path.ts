import type { Endpoint } from '../generated/ast.js';
import { isPathParam } from '../generated/ast.js';

/** An endpoint's path, each parameter written by `param`: `/employees/{id}`. */
function renderPath(endpoint: Endpoint, param: (name: string) => string): string {
  return (endpoint.path?.segments ?? [])
    .map(
      (segment) =>
        '/' +
        segment.parts.map((part) => (isPathParam(part) ? param(part.name) : part.text)).join(''),
    )
    .join('');
}

/** The route of an endpoint with parameter names erased: `GET /employees/{}`. */
export function routeKey(endpoint: Endpoint): string {
  return `${endpoint.method?.toUpperCase() ?? ''} ${renderPath(endpoint, () => '{}')}`;
}

/** The path as written, without spaces: `/employees/{id}`. */
export function pathTemplate(endpoint: Endpoint): string {
  return renderPath(endpoint, (name) => `{${name}}`);
}
