import type { EndpointIR, ParamIR } from '../ir/spec-ir.js';
import type { DiffContext } from './diff-context.js';
import { breaking, compatible } from './judgement.js';
import { matchByKey } from './match-by-key.js';

/** Whether two paths are the same route: the same text once parameter names are left out. */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  const route = (path: string) => path.replace(/\{[^}]*\}/g, '{}');
  return route(a) === route(b);
}

/**
 * Compares an endpoint's parameters, all of which clients send: path parameters by place
 * (when the route is the same), query parameters by name, headers by wire name (which HTTP
 * compares without case).
 */
export function diffParams(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  if (samePath(a.path, b.path)) {
    a.pathParams.forEach((x, index) => {
      const y = b.pathParams[index];
      if (!y) return;
      const subject =
        x.name === y.name ? `${a.name} path ${x.name}` : `${a.name} path parameter ${index + 1}`;
      diffParam(ctx, a.name, subject, x, y);
    });
  }
  diffParamList(ctx, a, b, 'query', (p) => p.name);
  diffParamList(ctx, a, b, 'header', (p) => p.wireName.toLowerCase());
}

function diffParamList(
  ctx: DiffContext,
  a: EndpointIR,
  b: EndpointIR,
  kind: 'query' | 'header',
  key: (param: ParamIR) => string,
): void {
  const list = (endpoint: EndpointIR) => (kind === 'query' ? endpoint.query : endpoint.headers);
  for (const { key: name, a: x, b: y } of matchByKey(list(a), list(b), key)) {
    const subject = `${a.name} ${kind} ${name}`;
    if (x && y) {
      diffParam(ctx, a.name, subject, x, y);
      continue;
    }
    const removed = y === undefined;
    const param = (x ?? y)!;
    ctx.log.add(
      {
        kind: removed ? 'parameter-removed' : 'parameter-added',
        subject,
        message: `${removed ? '' : param.optional ? 'optional ' : 'required '}${kind} parameter \`${param.wireName}\` of \`${a.name}\` was ${removed ? 'removed' : 'added'}`,
        old: x?.location ?? a.location,
        new: y?.location ?? b.location,
      },
      removed
        ? breaking('requests that send it are no longer read as before')
        : param.optional
          ? compatible('requests may leave it out')
          : breaking('requests without it are rejected'),
    );
  }
}

function diffParam(
  ctx: DiffContext,
  endpoint: string,
  subject: string,
  x: ParamIR,
  y: ParamIR,
): void {
  const at = { old: x.location, new: y.location };
  if (x.name !== y.name || x.wireName !== y.wireName) {
    const names = (p: ParamIR) => (p.wireName === p.name ? p.name : `${p.name} "${p.wireName}"`);
    ctx.log.add(
      {
        kind: 'parameter-renamed',
        subject,
        message: `parameter \`${names(x)}\` of \`${endpoint}\` is now \`${names(y)}\``,
        ...at,
      },
      compatible('the request on the wire is the same; code generated from the spec names it anew'),
    );
  }
  if (x.optional !== y.optional) {
    ctx.log.add(
      {
        kind: y.optional ? 'parameter-optional' : 'parameter-required',
        subject,
        message: `parameter \`${x.wireName}\` of \`${endpoint}\` is now ${y.optional ? 'optional' : 'required'}`,
        ...at,
      },
      y.optional
        ? compatible('every request valid before is still valid')
        : breaking('requests without it are now rejected'),
    );
  }
  ctx.typeChanged(x.type, y.type, subject, at, { input: endpoint });
  ctx.log.description(subject, x.description, y.description, x.location, y.location);
}
