import { mediaEssence } from '@specl/language';
import type { EndpointIR, ResponseIR, SourceLocation } from '../ir/spec-ir.js';
import { compareConditions } from './compare-conditions.js';
import type { DiffContext } from './diff-context.js';
import { diffPagination } from './diff-pagination.js';
import { diffResponseHeaders } from './diff-response-headers.js';
import { diffParams, samePath } from './diff-params.js';
import { breaking, compatible } from './judgement.js';
import { matchByKey } from './match-by-key.js';

/** Compares the endpoints of the two versions, matched by name (a renamed one is removed and added). */
export function diffEndpoints(ctx: DiffContext): void {
  const byName = (endpoint: EndpointIR) => endpoint.name;
  for (const { key: name, a, b } of matchByKey(ctx.before.endpoints, ctx.after.endpoints, byName)) {
    if (!b) {
      ctx.log.add(
        {
          kind: 'endpoint-removed',
          subject: name,
          message: `endpoint \`${name}\` (\`${a!.method} ${a!.path}\`) was removed`,
          old: a!.location,
          new: ctx.after.location,
        },
        breaking('clients that call it get an error'),
      );
    } else if (!a) {
      ctx.log.add(
        {
          kind: 'endpoint-added',
          subject: name,
          message: `endpoint \`${name}\` (\`${b.method} ${b.path}\`) was added`,
          old: ctx.before.location,
          new: b.location,
        },
        compatible('a new endpoint changes no call that worked before'),
      );
    } else {
      diffEndpoint(ctx, a, b);
    }
  }
}

function diffEndpoint(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  const at = { old: a.location, new: b.location };
  const name = a.name;
  ctx.log.description(name, a.description, b.description, a.location, b.location);
  if (a.method !== b.method) {
    ctx.log.add(
      {
        kind: 'method-changed',
        subject: name,
        message: `the method of \`${name}\` changed: \`${a.method}\` → \`${b.method}\``,
        ...at,
      },
      breaking(`clients that call \`${a.method} ${a.path}\` get an error`),
    );
  }
  if (!samePath(a.path, b.path)) {
    ctx.log.add(
      {
        kind: 'path-changed',
        subject: name,
        message: `the path of \`${name}\` changed: \`${a.path}\` → \`${b.path}\``,
        ...at,
      },
      breaking(`clients that call \`${a.path}\` get an error`),
    );
  }
  diffParams(ctx, a, b);
  diffBody(ctx, a, b);
  diffResponses(ctx, a, b);
  diffErrors(ctx, a, b);
  diffSecurity(ctx, a, b);
  diffMediaTypes(ctx, a, b);
  diffPagination(ctx, a, b);
  diffResponseHeaders(ctx, a, b);
  compareConditions(
    a.requires,
    b.requires,
    {
      role: 'requires',
      owner: name,
      ...at,
      stronger: breaking('requests that met the old precondition may now be refused'),
      weaker: compatible('every request that met the old precondition still meets it'),
    },
    ctx.log,
  );
  compareConditions(
    a.ensures,
    b.ensures,
    {
      role: 'ensures',
      owner: name,
      ...at,
      stronger: compatible('responses promise more than before'),
      weaker: breaking('clients that rely on what the old postcondition promised may be let down'),
    },
    ctx.log,
  );
}

function diffBody(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  const subject = `${a.name} body`;
  const at = { old: a.bodyLocation ?? a.location, new: b.bodyLocation ?? b.location };
  if (a.body && b.body) {
    ctx.typeChanged(a.body, b.body, subject, at, { input: a.name });
  } else if (a.body || b.body) {
    const removed = a.body !== undefined;
    ctx.log.add(
      {
        kind: removed ? 'body-removed' : 'body-added',
        subject,
        message: `\`${a.name}\` ${removed ? 'no longer takes' : 'now takes'} a request body`,
        ...at,
      },
      breaking(
        removed
          ? 'requests that carry a body are no longer read as before'
          : 'requests without a body are rejected',
      ),
    );
  }
}

function diffResponses(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  const byStatus = (response: ResponseIR) => String(response.status);
  for (const { key: status, a: x, b: y } of matchByKey(a.responses, b.responses, byStatus)) {
    const subject = `${a.name} response ${status}`;
    if (!y || !x) {
      const removed = !y;
      ctx.log.add(
        {
          kind: removed ? 'response-removed' : 'response-added',
          subject,
          message: `\`${a.name}\` ${removed ? 'no longer answers' : 'now answers'} \`${status}\``,
          old: x?.location ?? a.location,
          new: y?.location ?? b.location,
        },
        breaking(
          removed
            ? `clients that expect \`${status}\` no longer get it, and implementations that answer it break the new spec`
            : `clients receive a status they were never told about (the result type gains a case)`,
        ),
      );
      continue;
    }
    const at = { old: x.location, new: y.location };
    if (x.type && y.type) {
      ctx.typeChanged(x.type, y.type, subject, at, { output: a.name });
    } else if (x.type || y.type) {
      const removed = x.type !== undefined;
      ctx.log.add(
        {
          kind: removed ? 'response-body-removed' : 'response-body-added',
          subject,
          message: `the \`${status}\` response of \`${a.name}\` ${removed ? 'no longer has' : 'now has'} a body`,
          ...at,
        },
        removed
          ? breaking('clients that read the body no longer get one')
          : compatible('clients that expected no body can ignore it'),
      );
    }
  }
}

function diffErrors(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  if (sameNames(a.errors, b.errors)) return;
  const declared = (endpoint: EndpointIR) =>
    endpoint.errors.map((name, i) => ({
      name,
      location: endpoint.errorLocations[i] ?? endpoint.location,
    }));
  const byName = (error: { name: string }) => error.name;
  for (const { key: name, a: x, b: y } of matchByKey(declared(a), declared(b), byName)) {
    if (x && y) continue;
    const removed = y === undefined;
    const decl = (removed ? ctx.oldTypes : ctx.newTypes).get(name);
    // A range or `default` error covers statuses no other error declares: say which.
    const covers =
      decl?.kind === 'error' && typeof decl.status === 'string'
        ? decl.status === 'default'
          ? ' (every status declared no other way)'
          : ` (every ${decl.status} status not declared exactly)`
        : '';
    ctx.log.add(
      {
        kind: removed ? 'error-removed' : 'error-added',
        subject: `${a.name} error ${name}`,
        message: `\`${a.name}\` ${removed ? 'no longer declares' : 'now declares'} error \`${name}\`${covers}`,
        old: x?.location ?? a.location,
        new: y?.location ?? b.location,
      },
      removed
        ? breaking('implementations that still answer it break the new spec')
        : compatible('clients must already handle errors a spec does not declare'),
    );
  }
}

/** Whether two lists hold the same names in the same order. */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The schemes an endpoint accepts (its own security, else the spec's); empty when public. */
function schemes(endpoint: EndpointIR, spec: DiffContext['before']): Set<string> {
  const requirements = endpoint.security ?? spec.security ?? [];
  return new Set(requirements.map((r) => `${r.scheme}(${r.scopes.join(', ')})`));
}

/**
 * Security: an endpoint that starts to need credentials, or accepts fewer ways in, breaks the
 * clients that called it without them (`security-added`); one that needs none, or accepts
 * more ways in, is compatible (`security-removed`). An endpoint that trades one scheme for
 * another does both, so that the diff read backwards is the inverse.
 */
function diffSecurity(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  // Public in both versions (most endpoints of most specs): nothing to compare.
  if (!(a.security ?? ctx.before.security)?.length && !(b.security ?? ctx.after.security)?.length)
    return;
  const before = schemes(a, ctx.before);
  const after = schemes(b, ctx.after);
  const at = { old: a.location, new: b.location };
  const show = (set: Set<string>) => (set.size === 0 ? 'none' : [...set].join(' | '));
  const lost = before.size > 0 && after.size > 0 && [...before].some((s) => !after.has(s));
  const gained = (before.size === 0 && after.size > 0) || lost;
  const opened =
    (after.size === 0 && before.size > 0) ||
    (before.size > 0 && [...after].some((s) => !before.has(s)));
  if (gained)
    ctx.log.add(
      {
        kind: 'security-added',
        subject: `${a.name} security`,
        message: `\`${a.name}\` accepted ${show(before)} and now accepts ${show(after)}`,
        ...at,
      },
      breaking('clients that called it without those credentials are refused'),
    );
  if (opened)
    ctx.log.add(
      {
        kind: 'security-removed',
        subject: `${a.name} security`,
        message: `\`${a.name}\` accepted ${show(before)} and now accepts ${show(after)}`,
        ...at,
      },
      compatible('every client that was let in still is'),
    );
}

/** The media types of a body (JSON when none are written). */
const mediaOf = (types: readonly string[] | undefined) =>
  new Set((types ?? ['application/json']).map(mediaEssence));

/** Whether an endpoint writes no media type anywhere: its body and responses are JSON. */
function onlyJson(endpoint: EndpointIR): boolean {
  if (endpoint.bodyMediaTypes !== undefined) return false;
  for (const response of endpoint.responses) if (response.mediaTypes !== undefined) return false;
  return true;
}

/**
 * Media types: a request body no longer taken as a media type, or a response no longer offered
 * as one, breaks the clients that use it; a new one is compatible.
 */
function diffMediaTypes(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  // Both JSON throughout (most endpoints): nothing to compare.
  if (onlyJson(a) && onlyJson(b)) return;
  const pairs: {
    subject: string;
    before: Set<string>;
    after: Set<string>;
    at: { old: SourceLocation; new: SourceLocation };
  }[] = [];
  if (a.body && b.body)
    pairs.push({
      subject: `${a.name} body`,
      before: mediaOf(a.bodyMediaTypes),
      after: mediaOf(b.bodyMediaTypes),
      at: { old: a.bodyLocation ?? a.location, new: b.bodyLocation ?? b.location },
    });
  for (const status of new Set(a.responses.map((r) => r.status))) {
    const x = a.responses.filter((r) => r.status === status && r.type);
    const y = b.responses.filter((r) => r.status === status && r.type);
    if (x.length === 0 || y.length === 0) continue;
    pairs.push({
      subject: `${a.name} response ${status}`,
      before: new Set(x.flatMap((r) => [...mediaOf(r.mediaTypes)])),
      after: new Set(y.flatMap((r) => [...mediaOf(r.mediaTypes)])),
      at: { old: x[0]!.location, new: y[0]!.location },
    });
  }
  for (const { subject, before, after, at } of pairs) {
    for (const media of before)
      if (!after.has(media))
        ctx.log.add(
          {
            kind: 'media-type-removed',
            subject,
            message: `${subject} is no longer \`${media}\``,
            ...at,
          },
          breaking(`clients that send or read \`${media}\` are no longer understood`),
        );
    for (const media of after)
      if (!before.has(media))
        ctx.log.add(
          { kind: 'media-type-added', subject, message: `${subject} is also \`${media}\``, ...at },
          compatible('what was sent or read before still is'),
        );
  }
}
