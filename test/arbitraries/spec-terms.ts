/**
 * What conditions can talk about: the terms in scope (names, `body`, `response` and member
 * accesses on them), with their types after narrowing (the paths that the conditions around a
 * point prove present are not optional there, as the checker's narrowing.ts decides).
 */
import type { Expr } from './spec-model.js';
import type { Choices, FieldInfo, RT, RecordInfo, Scope } from './spec-values.js';
import { evaluate, makeOpt, stripOpt, unbounded } from './spec-values.js';

/** A value expression in scope (a name, `body`, `response`, or a member access on one) and its type. */
export interface Term {
  expr: Expr;
  rt: RT;
}

export interface ExprEnv {
  g: Choices;
  records: Map<string, RecordInfo>;
  roots: Term[];
  scope: Scope;
  canQualify: (enumName: string) => boolean;
  /** A fresh name for a quantifier's variable. */
  fresh: () => string;
  /** The paths the conditions around this point prove present (see narrowing.ts): they are not optional here. */
  present: ReadonlySet<string>;
}

/** The path an expression reads, as narrowing keys it: `x`, `body.a`, `response.a.b` (`?.` like `.`). */
function pathKey(e: Expr): string | undefined {
  if (e.kind === 'name') return e.name;
  if (e.kind === 'body' || e.kind === 'response') return e.kind;
  if (e.kind !== 'member') return undefined;
  const receiver = pathKey(e.receiver);
  return receiver && `${receiver}.${e.name}`;
}

/** Adds the paths `e` proves present when it evaluates to `truth`: `x != null`, `a and b`, `x == null or y == null`, `not`. */
export function presentWhen(e: Expr, truth: boolean, out: Set<string>): Set<string> {
  if (e.kind === 'paren') return presentWhen(e.inner, truth, out);
  if (e.kind === 'unary' && e.op === 'not') return presentWhen(e.operand, !truth, out);
  if (e.kind !== 'binary') return out;
  if (e.op === (truth ? '!=' : '==')) {
    const tested =
      e.right.kind === 'null'
        ? pathKey(e.left)
        : e.left.kind === 'null'
          ? pathKey(e.right)
          : undefined;
    if (tested) out.add(tested);
  }
  if (e.op === (truth ? 'and' : 'or')) {
    presentWhen(e.left, truth, out);
    presentWhen(e.right, truth, out);
  }
  return out;
}

const member = (receiver: Expr, name: string, optional: boolean): Expr => ({
  kind: 'member',
  receiver,
  name,
  optional,
});

/** Keywords that start an expression of their own or are operators: a field so named is read through a record only. */
const notBare = new Set([
  'body',
  'response',
  'true',
  'false',
  'null',
  'not',
  'all',
  'any',
  'len',
  'matches',
  'and',
  'or',
  'implies',
  'in',
]);

/** A bare name, if it can be one: a keyword that starts no expression (`type`, `error`) reads as the field. */
export function nameRoot(name: string, rt: RT): Term[] {
  return notBare.has(name) ? [] : [{ expr: { kind: 'name', name }, rt }];
}

/** Every term reachable from the roots through at most two member accesses. */
export function terms(env: ExprEnv): Term[] {
  const out: Term[] = [];
  const visit = (t: Term, depth: number) => {
    const key = pathKey(t.expr);
    if (t.rt.k === 'opt' && key && env.present.has(key)) {
      // Narrowed: present wherever this is evaluated; absent here only on a branch that is never evaluated.
      if (evaluate(t.expr, env.scope) === null) return;
      t = { ...t, rt: t.rt.inner };
    }
    out.push(t);
    if (depth >= 2) return;
    const base = stripOpt(t.rt);
    const optional = t.rt.k === 'opt';
    if (base.k === 'record') {
      for (const f of env.records.get(base.name)!.fields) {
        const rt = f.optional || optional ? makeOpt(f.rt) : f.rt;
        visit({ expr: member(t.expr, f.name, optional), rt }, depth + 1);
      }
    } else if (base.k === 'union' && base.names.length > 0) {
      // The fields every option has, with one type: what `.` may name on a union.
      const [first, ...rest] = base.names.map((n) => env.records.get(n)!.fields);
      const key = (f: FieldInfo) => `${f.name}${f.optional}${JSON.stringify(f.rt)}`;
      for (const f of first!.filter((f) =>
        rest.every((fields) => fields.some((o) => key(o) === key(f))),
      )) {
        visit(
          {
            expr: member(t.expr, f.name, optional),
            rt: f.optional || optional ? makeOpt(f.rt) : f.rt,
          },
          depth + 1,
        );
      }
    } else if (base.k === 'outcome' && !optional) {
      out.push({ expr: member(t.expr, 'ok', false), rt: { k: 'bool' } });
      out.push({ expr: member(t.expr, 'status', false), rt: unbounded(true) });
      // `error` is null unless the call failed: only ever compared with null.
      out.push({
        expr: member(t.expr, 'error', false),
        rt: { k: 'opt', inner: { k: 'union', names: [] } },
      });
      if (base.value) visit({ expr: member(t.expr, 'value', false), rt: base.value }, depth + 1);
    }
  };
  env.roots.forEach((r) => visit(r, 0));
  return out;
}
