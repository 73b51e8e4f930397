import type { AliasIR, EnumIR, ErrorIR, FieldIR, RecordIR, TypeDeclIR } from '../ir/spec-ir.js';
import { isHiddenIn } from '../ir/directional-types.js';
import { compareConditions, sameConditions } from './compare-conditions.js';
import type { DiffContext } from './diff-context.js';
import { breaking, byUsage, compatible } from './judgement.js';
import { matchByKey } from './match-by-key.js';
import type { TypeUsage } from './type-usage.js';

const kindName = { record: 'a record', error: 'an error', alias: 'an alias', enum: 'an enum' };

/** Compares the named types of the two versions: records, errors, aliases and enums. */
export function diffTypes(ctx: DiffContext): void {
  const byName = (type: TypeDeclIR) => type.name;
  for (const { key: name, a, b } of matchByKey(ctx.before.types, ctx.after.types, byName)) {
    if (!b) {
      const gone = breaking(`\`${name}\` is gone from the API's contracts`);
      ctx.log.add(
        {
          kind: 'type-removed',
          subject: name,
          message: `type \`${name}\` was removed`,
          old: a!.location,
          new: ctx.after.location,
        },
        byUsage(ctx.oldUsage(name), name, gone, gone),
      );
    } else if (!a) {
      ctx.log.add(
        {
          kind: 'type-added',
          subject: name,
          message: `type \`${name}\` was added`,
          old: ctx.before.location,
          new: b.location,
        },
        compatible('a new type changes no request or response that was valid before'),
      );
    } else if (a.kind !== b.kind) {
      const other = breaking(`its values are now ${kindName[b.kind]}'s, not ${kindName[a.kind]}'s`);
      ctx.log.add(
        {
          kind: 'type-kind-changed',
          subject: name,
          message: `\`${name}\` was ${kindName[a.kind]} and is now ${kindName[b.kind]}`,
          old: a.location,
          new: b.location,
        },
        byUsage(ctx.usage(name), name, other, other),
      );
    } else {
      diffType(ctx, a, b);
    }
  }
}

/**
 * A discriminated union's tag field added, removed or changed. The values that fit stay those
 * of the options; what changes is how clients and tools tell the options apart: adding a tag
 * breaks nothing, removing or changing one breaks those that dispatch on it. Adding and
 * removing are two kinds, each the other's inverse (a diff read backwards swaps them, and
 * their verdicts differ); a changed field is its own inverse, breaking both ways.
 */
function diffDiscriminator(ctx: DiffContext, a: AliasIR, b: AliasIR, usage: TypeUsage): void {
  const [x, y] = [a.discriminator, b.discriminator];
  if (x === y) return;
  const shown = (field?: string) => (field === undefined ? 'none' : `\`${field}\``);
  const dispatch = breaking(
    `clients that tell the options apart by \`${x}\` no longer can (OpenAPI's discriminator changed)`,
  );
  ctx.log.add(
    {
      kind:
        x === undefined
          ? 'discriminator-added'
          : y === undefined
            ? 'discriminator-removed'
            : 'discriminator-changed',
      subject: a.name,
      message: `the tag field of \`${a.name}\` changed: ${shown(x)} → ${shown(y)}`,
      old: a.location,
      new: b.location,
    },
    x === undefined
      ? compatible('the same values fit; the options are now told apart by a tag')
      : byUsage(usage, a.name, dispatch, dispatch),
  );
}

function diffType(ctx: DiffContext, a: TypeDeclIR, b: TypeDeclIR): void {
  const usage = ctx.usage(a.name);
  ctx.log.description(a.name, a.description, b.description, a.location, b.location);
  if (a.kind === 'alias' && b.kind === 'alias') {
    ctx.typeChanged(a.type, b.type, a.name, { old: a.location, new: b.location }, usage, a.name);
    diffDiscriminator(ctx, a, b, usage);
  } else if (a.kind === 'enum' && b.kind === 'enum') {
    diffEnum(ctx, a, b, usage);
  } else if ((a.kind === 'record' || a.kind === 'error') && b.kind === a.kind) {
    const c = b as RecordIR | ErrorIR; // the same kind as `a` (diffTypes compares no others)
    if (a.kind === 'error' && c.kind === 'error' && a.status !== c.status) {
      const moved = breaking(`clients that handle \`${a.status}\` now get \`${c.status}\``);
      ctx.log.add(
        {
          kind: 'status-changed',
          subject: a.name,
          message: `the status of error \`${a.name}\` changed: \`${a.status}\` → \`${c.status}\``,
          old: a.location,
          new: c.location,
        },
        byUsage(usage, a.name, moved, moved),
      );
    }
    diffFields(ctx, a, c, usage);
    // The site's verdicts are worked out only for invariants that changed.
    if (sameConditions(a.invariants, c.invariants)) return;
    compareConditions(
      a.invariants,
      c.invariants,
      {
        role: 'invariant',
        owner: a.name,
        old: a.location,
        new: c.location,
        stronger: byUsage(
          usage,
          a.name,
          breaking('requests that were valid may now be rejected'),
          compatible('responses keep within the values the old spec allowed'),
        ),
        weaker: byUsage(
          usage,
          a.name,
          compatible('every request valid before is still valid'),
          breaking('clients may receive values the old invariant ruled out'),
        ),
      },
      ctx.log,
    );
  }
}

function diffFields(
  ctx: DiffContext,
  a: RecordIR | ErrorIR,
  b: RecordIR | ErrorIR,
  usage: TypeUsage,
): void {
  const judge = (inRequests: string | false, inResponses: string | false) =>
    byUsage(
      usage,
      a.name,
      inRequests ? breaking(inRequests) : compatible('every request valid before is still valid'),
      inResponses
        ? breaking(inResponses)
        : compatible('every response valid before is still valid'),
    );
  for (const { key: name, a: x, b: y } of matchByKey(a.fields, b.fields, (f) => f.name)) {
    const subject = `${a.name}.${name}`;
    if (!y) {
      ctx.log.add(
        {
          kind: 'field-removed',
          subject,
          message: `field \`${name}\` of \`${a.name}\` was removed`,
          old: x!.location,
          new: b.location,
        },
        judge(
          'requests that carry it are rejected (records are closed)',
          'clients that read it no longer get it',
        ),
      );
    } else if (!x) {
      ctx.log.add(
        {
          kind: 'field-added',
          subject,
          message: `${y.optional ? 'optional' : 'required'} field \`${name}\` was added to \`${a.name}\``,
          old: a.location,
          new: y.location,
        },
        y.optional
          ? compatible(
              'requests may leave it out, and clients ignore response fields they do not know',
            )
          : judge('requests without it are rejected', false),
      );
    } else {
      diffField(ctx, a.name, x, y, usage, judge);
    }
  }
}

function diffField(
  ctx: DiffContext,
  owner: string,
  x: FieldIR,
  y: FieldIR,
  usage: TypeUsage,
  judge: (inRequests: string | false, inResponses: string | false) => ReturnType<typeof byUsage>,
): void {
  const subject = `${owner}.${x.name}`;
  const at = { old: x.location, new: y.location };
  if (x.optional !== y.optional) {
    ctx.log.add(
      {
        kind: y.optional ? 'field-optional' : 'field-required',
        subject,
        message: `field \`${x.name}\` of \`${owner}\` is now ${y.optional ? 'optional' : 'required'}`,
        ...at,
      },
      y.optional
        ? judge(false, 'responses may now leave it out, and clients that read it break')
        : judge('requests without it are now rejected', false),
    );
  }
  diffReadOnly(ctx, owner, x, y, judge);
  ctx.typeChanged(x.type, y.type, subject, at, usage, owner);
  ctx.log.description(subject, x.description, y.description, x.location, y.location);
}

/**
 * A field made readOnly, or no longer readOnly. Made readOnly, requests no longer carry it:
 * clients that set it lose the way to; made writable, a required field is now required in
 * requests, which clients that leave it out break.
 */
function diffReadOnly(
  ctx: DiffContext,
  owner: string,
  x: FieldIR,
  y: FieldIR,
  judge: (inRequests: string | false, inResponses: string | false) => ReturnType<typeof byUsage>,
): void {
  const before = isHiddenIn(x, 'request');
  const after = isHiddenIn(y, 'request');
  if (before === after) return;
  const subject = `${owner}.${x.name}`;
  const message = `field \`${x.name}\` of \`${owner}\` ${after ? 'is now readOnly' : 'is no longer readOnly'}`;
  ctx.log.add(
    {
      kind: after ? 'field-read-only' : 'field-writable',
      subject,
      message,
      old: x.location,
      new: y.location,
    },
    after
      ? judge('clients that send it can no longer set it', false)
      : judge(y.optional ? false : 'requests without it are now rejected', false),
  );
}

function diffEnum(ctx: DiffContext, a: EnumIR, b: EnumIR, usage: TypeUsage): void {
  for (const { key: name, a: x, b: y } of matchByKey(a.members, b.members, (m) => m.name)) {
    const subject = `${a.name}.${name}`;
    if (!y) {
      ctx.log.add(
        {
          kind: 'enum-member-removed',
          subject,
          message: `member \`${name}\` of enum \`${a.name}\` was removed`,
          old: x!.location,
          new: b.location,
        },
        byUsage(
          usage,
          a.name,
          breaking(`requests that send \`${name}\` are rejected`),
          breaking(`implementations that still answer \`${name}\` break the new spec`),
        ),
      );
    } else if (!x) {
      ctx.log.add(
        {
          kind: 'enum-member-added',
          subject,
          message: `member \`${name}\` was added to enum \`${a.name}\``,
          old: a.location,
          new: y.location,
        },
        byUsage(
          usage,
          a.name,
          compatible('requests may now send it, and every old request is still valid'),
          breaking(
            `clients receive a value they do not know (an exhaustive match on \`${a.name}\` misses it)`,
          ),
        ),
      );
    } else {
      ctx.log.description(subject, x.description, y.description, x.location, y.location);
    }
  }
}
