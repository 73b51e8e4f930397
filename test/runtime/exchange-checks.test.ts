import { describe, expect, it } from 'vitest';
import type { ContractViolation } from '@specl/runtime';
import {
  ExchangeChecker,
  RouteTable,
  checkString,
  decodeRequest,
  requestViolations,
  responseViolations,
} from '@specl/runtime';
import { endpoints, spec } from '../../examples/vacation/generated/properties.js';
import { vacationAt } from '../helpers/vacation-lines.js';

const table = new RouteTable(endpoints);
const id = '0b0e5c9e-6a0f-4c1e-9a57-3c4f1f0c1d2e';

/** The request object and violations of one incoming request, as a proxy would see it. */
function incoming(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
) {
  const parsed = new URL(url, 'http://localhost');
  const routed = table.match(method, parsed.pathname);
  if (routed === undefined) return undefined;
  const { request, problems } = decodeRequest(
    routed.contract,
    routed.pathParams,
    parsed.searchParams,
    headers,
    body,
  );
  return {
    name: routed.contract.name,
    request,
    violations: requestViolations(routed.contract, request, problems),
  };
}

const summary = (violations: readonly ContractViolation[]) =>
  violations.map((v) => `${v.kind} ${v.clause?.source} ${v.clause?.at}`);

describe('routing an incoming request to its endpoint', () => {
  it('matches method and path template, decoding path parameters', () => {
    expect(table.match('get', `/employees/${encodeURIComponent('a b')}/requests`)).toMatchObject({
      contract: { name: 'listRequests' },
      pathParams: { id: 'a b' },
    });
    expect(table.match('POST', '/employees')?.contract.name).toBe('createEmployee');
    expect(table.match('DELETE', '/employees')).toBeUndefined();
    expect(table.match('GET', '/employees/')).toBeUndefined();
    expect(table.match('GET', '/employees/%E0%A4%A/requests')).toBeUndefined();
  });
});

describe('request checks', () => {
  it('reads typed parameters from text and keeps a valid request', () => {
    const result = incoming('GET', `/employees/${id}/requests?limit=5&status=approved`);
    expect(result).toEqual({
      name: 'listRequests',
      request: { id, limit: 5, status: 'approved' },
      violations: [],
    });
  });

  it('names every parameter that is missing or of the wrong type', () => {
    const result = incoming(
      'POST',
      `/employees/not-a-uuid/requests?dryRun=maybe`,
      {},
      {
        start: '2026-01-01',
        end: '2026-01-03',
        days: 2,
      },
    );
    expect(summary(result!.violations)).toEqual([
      `request path parameter id vacation.specl:${vacationAt('endpoint requestVacation')}`,
      `request query parameter dryRun vacation.specl:${vacationAt('endpoint requestVacation')}`,
      `request header Idempotency-Key vacation.specl:${vacationAt('endpoint requestVacation')}`,
    ]);
    expect(result!.violations[2]!.detail).toContain('has no header Idempotency-Key');
  });

  it('checks the body against its type, invariants included', () => {
    const result = incoming(
      'POST',
      `/employees/${id}/requests`,
      { 'idempotency-key': 'k1' },
      {
        start: '2026-01-05',
        end: '2026-01-01',
        days: 2,
      },
    );
    expect(summary(result!.violations)).toEqual([
      `request body vacation.specl:${vacationAt('endpoint requestVacation')}`,
    ]);
    expect(result!.violations[0]!.detail).toContain('end >= start');
  });

  it('reports a requires that does not hold, with its clause and place', () => {
    // `days` of NewRequest allows 1..30, so only a body the type accepts reaches `requires`:
    // the spec's requires `body.days > 0` holds for every such body, and fails for none.
    const good = incoming(
      'POST',
      `/employees/${id}/requests`,
      { 'idempotency-key': 'k1' },
      {
        start: '2026-01-01',
        end: '2026-01-05',
        days: 3,
      },
    );
    expect(good!.violations).toEqual([]);
    const requires = endpoints['requestVacation']!.requires;
    expect(requires.map((r) => `${r.source} ${r.at}`)).toEqual([
      `body.days > 0 vacation.specl:${vacationAt('requires body.days > 0')}`,
    ]);
    const broken = requestViolations(
      { ...endpoints['requestVacation']!, validateBody: undefined },
      { id, idempotencyKey: 'k', body: { start: '2026-01-01', end: '2026-01-01', days: 0 } },
      [],
    );
    expect(summary(broken)).toEqual([
      `requires body.days > 0 vacation.specl:${vacationAt('requires body.days > 0')}`,
    ]);
  });
});

describe('response checks', () => {
  const request = {
    id,
    idempotencyKey: 'k',
    body: { start: '2026-01-01', end: '2026-01-03', days: 2 },
  };
  const contract = endpoints['requestVacation']!;
  const answer = {
    id,
    employeeId: id,
    start: '2026-01-01',
    end: '2026-01-03',
    days: 2,
    status: 'pending',
  };

  it('keeps an answer that keeps the contract', () => {
    const response = { status: 201, body: answer, contentType: 'application/json' };
    expect(responseViolations(contract, request, response)).toEqual([]);
  });

  it('reports every ensures that fails, each with its clause', () => {
    const response = {
      status: 201,
      body: { ...answer, days: 3, status: 'approved' },
      contentType: 'application/json',
    };
    expect(summary(responseViolations(contract, request, response))).toEqual([
      `ensures response.status == pending vacation.specl:${vacationAt('ensures response.status == pending')}`,
      `ensures response.days == body.days vacation.specl:${vacationAt('ensures response.days == body.days')}`,
    ]);
  });

  it('reports an undeclared status, another media type and a body of the wrong type', () => {
    const status = responseViolations(contract, request, { status: 500, body: undefined });
    expect(summary(status)).toEqual([
      `status requestVacation vacation.specl:${vacationAt('endpoint requestVacation')}`,
    ]);
    expect(status[0]!.detail).toContain('declared: 201, 404 NotFound, 409 InsufficientBalance');
    const media = responseViolations(contract, request, {
      status: 201,
      body: 'hi',
      contentType: 'text/plain',
    });
    expect(media.map((v) => v.detail)).toEqual([
      'POST /employees/{id}/requests answered 201 with content type text/plain, not JSON',
    ]);
    const body = responseViolations(contract, request, {
      status: 409,
      body: { available: -1 },
      contentType: 'application/json',
    });
    expect(summary(body)).toEqual([
      `body error InsufficientBalance vacation.specl:${vacationAt('endpoint requestVacation')}`,
    ]);
  });
});

describe('live checks of bodies by media type', () => {
  const base = endpoints['getEmployee']!;
  const text = {
    ...base,
    responses: [
      {
        status: 200,
        bodies: [
          {
            mediaType: 'text/plain',
            kind: 'text' as const,
            validate: (v: unknown) => checkString(v, '$'),
          },
        ],
      },
    ],
  };
  const checker = new ExchangeChecker({ spec, endpoints: { getEmployee: text } });
  const routed = checker.route('GET', `/employees/${id}`)!;
  const checked = checker.checkRequest(routed, `/employees/${id}`, {}, {});
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('reads a text body and checks it against its media type', () => {
    expect(
      checker.checkResponse(checked, 200, {
        contentType: 'text/plain; charset=utf-8',
        bytes: bytes('hi'),
      }),
    ).toEqual([]);
    const other = checker.checkResponse(checked, 200, {
      contentType: 'application/json',
      bytes: bytes('{}'),
    });
    expect(other.map((v) => v.detail)).toEqual([
      expect.stringContaining('not one declared (text/plain)'),
    ]);
  });

  it('compares media types by their essence: case, spaces and parameters aside', () => {
    for (const contentType of ['Text/Plain ; charset=utf-8', ' text/PLAIN', 'text/plain;'])
      expect(checker.checkResponse(checked, 200, { contentType, bytes: bytes('hi') })).toEqual([]);
    for (const contentType of ['text/plainer', 'text/ plain', 'text; plain'])
      expect(
        checker.checkResponse(checked, 200, { contentType, bytes: bytes('hi') }).map((v) => v.kind),
      ).toEqual(['body']);
  });

  it('checks only the status and media type of a body streamed through unread', () => {
    expect(
      checker.checkResponse(checked, 200, { contentType: 'text/plain', unread: true }),
    ).toEqual([]);
    const wrong = checker.checkResponse(checked, 200, { contentType: 'image/png', unread: true });
    expect(wrong.map((v) => [v.kind, v.detail])).toEqual([
      [
        'body',
        'GET /employees/{id} answered 200 with content type image/png, not one declared (text/plain)',
      ],
    ]);
    const status = checker.checkResponse(checked, 500, { contentType: 'image/png', unread: true });
    expect(status.map((v) => v.kind)).toEqual(['status']);
  });
});

describe('live checks of a request body declared without a media type', () => {
  const checker = new ExchangeChecker({ spec, endpoints });
  const routed = checker.route('POST', '/employees')!;
  const body = new TextEncoder().encode(
    JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 20 }),
  );
  const check = (contentType: string) =>
    checker
      .checkRequest(
        routed,
        '/employees',
        { 'content-type': contentType },
        { contentType, bytes: body },
      )
      .violations.map((v) => [v.kind, v.detail]);

  it('takes the body in any JSON media type, its parameters aside', () => {
    for (const contentType of [
      'application/json',
      'Application/JSON; charset=utf-8',
      'application/merge-patch+json',
    ])
      expect(check(contentType), contentType).toEqual([]);
  });

  it('refuses a body of another media type, naming application/json', () => {
    expect(check('text/plain')).toEqual([
      [
        'request',
        'POST /employees: the request body is text/plain, not one declared (application/json)',
      ],
    ]);
  });
});
