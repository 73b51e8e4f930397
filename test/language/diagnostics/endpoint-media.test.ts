import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/check.js';

// Bodies of one status under one media type, across an endpoint's responses. Sources get a
// `spec` header as line 1, so `type A` is line 2 and the endpoint's first response line 4.

const A = 'type A { x: Int }\ntype B { y: String }\n';

/** The code, line:column and message of each diagnostic of `source`, in order. */
async function found(source: string): Promise<string[]> {
  return (await check(source)).map((d) => `${d.code} ${d.at} ${d.message}`);
}

describe('specl/duplicate-media-type across responses', () => {
  it('a body declared as JSON after a body sent as JSON by default, at its media type', async () => {
    expect(
      await found(
        A + 'endpoint e GET /e {\n  response 200 A\n  response 200 B as "application/json" }',
      ),
    ).toEqual([
      'specl/duplicate-media-type 6:21 status 200 already answers `application/json`; give each body of one status a media type of its own',
    ]);
  });

  it('bodies all sent as JSON by default are one duplicate status, not a media type', async () => {
    expect(
      await found(
        A + 'endpoint e GET /e {\n  response 200 A\n  response 200 B\n  response 200 A }',
      ),
    ).toEqual([
      'specl/duplicate-status 6:12 status 200 is already declared by another response',
      'specl/duplicate-status 7:12 status 200 is already declared by another response',
    ]);
  });

  it('a body sent as JSON by default after one declared with media types, at its status', async () => {
    expect(
      await found(
        A +
          'endpoint e GET /e {\n  response 200 A as "text/csv", "Application/JSON; v=1"\n' +
          '  response 200 B\n  response 201 B }',
      ),
    ).toContain(
      'specl/duplicate-media-type 6:12 status 200 already answers `application/json`; give each body of one status a media type of its own',
    );
  });

  it('a media type listed twice in one list is reported once, as listed twice', async () => {
    const messages = await found(
      A +
        'endpoint e GET /e {\n  response 200 A as "application/json"\n' +
        '  response 200 B as "application/xml", "application/xml" }',
    );
    expect(messages.filter((m) => m.startsWith('specl/duplicate-media-type'))).toEqual([
      'specl/duplicate-media-type 6:40 `application/xml` is already listed; remove one',
    ]);
  });
});
