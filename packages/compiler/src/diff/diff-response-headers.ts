import type {
  EndpointIR,
  ResponseHeaderIR,
  SourceLocation,
  SpecIR,
  TypeDeclIR,
} from '../ir/spec-ir.js';
import type { DiffContext } from './diff-context.js';
import { breaking, compatible } from './judgement.js';
import { matchByKey } from './match-by-key.js';

/** The headers one answer carries, by lower-case wire name; and where the answer is written. */
interface Answer {
  readonly headers: ReadonlyMap<string, ResponseHeaderIR>;
  readonly location: SourceLocation;
}

/** Every answer of an endpoint that may carry headers: `response 200`, `error NotFound`. */
function answersOf(
  spec: SpecIR,
  types: ReadonlyMap<string, TypeDeclIR>,
  endpoint: EndpointIR,
): Map<string, Answer> {
  const declared = new Map((spec.headers ?? []).map((decl) => [decl.name, decl]));
  const carried = (names: readonly string[]) => {
    const headers = new Map<string, ResponseHeaderIR>();
    for (const name of names)
      for (const header of declared.get(name)?.headers ?? [])
        headers.set(header.wireName.toLowerCase(), header);
    return headers;
  };
  const answers = new Map<string, Answer>();
  for (const response of endpoint.responses) {
    const key = `response ${response.status}`;
    const names = response.headers ?? [];
    const known = answers.get(key)?.headers ?? new Map<string, ResponseHeaderIR>();
    answers.set(key, {
      headers: new Map([...known, ...carried(names)]),
      location: answers.get(key)?.location ?? response.location,
    });
  }
  endpoint.errors.forEach((name, index) => {
    const error = types.get(name);
    if (error?.kind !== 'error') return;
    const location = endpoint.errorLocations[index] ?? error.location;
    answers.set(`error ${name}`, { headers: carried(error.headers ?? []), location });
  });
  return answers;
}

/**
 * The headers of each answer of an endpoint (`response 200`, `error NotFound`) present in both
 * versions, matched by wire name (case-insensitively): a header an answer now carries promises
 * clients more (non-breaking); one it no longer carries breaks clients that read it when it
 * was required; a required header made optional breaks them too, an optional one made required
 * does not; a type change is judged as any type clients receive.
 */
export function diffResponseHeaders(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  // Without `headers` declarations, no answer carries a header in either version.
  if (!ctx.before.headers?.length && !ctx.after.headers?.length) return;
  const before = answersOf(ctx.before, ctx.oldTypes, a);
  const after = answersOf(ctx.after, ctx.newTypes, b);
  for (const [answer, old] of before) {
    const now = after.get(answer);
    if (!now) continue; // the answer itself was removed: reported as a response or an error
    const subject = (wire: string) => `${a.name} ${answer} header ${wire}`;
    const pairs = matchByKey([...old.headers.values()], [...now.headers.values()], (header) =>
      header.wireName.toLowerCase(),
    );
    for (const { a: x, b: y } of pairs) {
      if (!y) {
        ctx.log.add(
          {
            kind: 'response-header-removed',
            subject: subject(x!.wireName),
            message: `\`${a.name}\` (${answer}) no longer declares the header \`${x!.wireName}\``,
            old: x!.location,
            new: now.location,
          },
          x!.optional
            ? compatible('the header was optional: clients already handle its absence')
            : breaking('clients that read the header may no longer get it'),
        );
      } else if (!x) {
        ctx.log.add(
          {
            kind: 'response-header-added',
            subject: subject(y.wireName),
            message: `\`${a.name}\` (${answer}) now declares the header \`${y.wireName}\`${y.optional ? '' : ' (required)'}`,
            old: old.location,
            new: y.location,
          },
          compatible('clients that do not read a header are unaffected by a new one'),
        );
      } else {
        const at = { old: x.location, new: y.location };
        if (x.optional !== y.optional)
          ctx.log.add(
            {
              kind: y.optional ? 'response-header-optional' : 'response-header-required',
              subject: subject(y.wireName),
              message: `the header \`${y.wireName}\` of \`${a.name}\` (${answer}) is now ${y.optional ? 'optional' : 'required'}`,
              ...at,
            },
            y.optional
              ? breaking('clients that rely on the header may not get it')
              : compatible('clients that handled its absence still work'),
          );
        ctx.typeChanged(x.type, y.type, subject(y.wireName), at, { output: a.name });
      }
    }
  }
}
