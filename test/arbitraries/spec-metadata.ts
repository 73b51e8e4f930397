/**
 * Metadata of a generated spec: the spec header's block (servers with variables, license,
 * contact, a spec-wide `security` and `latency`), `tag` declarations, and the endpoint clauses
 * `security`, `tags`, `deprecated` and `latency`; doc comments of several paragraphs, which
 * give an operation's summary and description.
 */
import type { Builder } from './spec-arbitrary.js';
import { security } from './spec-auth.js';
import { freshName, words } from './spec-names.js';
import type { EndpointClause, LatencyModel, SpecSettingModel } from './spec-model.js';

const tagNames = words('Transfers Accounts Admin Reports Public');

/** Declares none to two tags (groups of endpoints), each in a file `pickFile` chooses. */
export function declareTags(b: Builder, pickFile: () => string): void {
  for (let i = b.g.chance(3) ? b.g.int(1, 2) : 0; i > 0; i--) {
    const file = pickFile();
    const name = freshName(b.g, tagNames, b.taken);
    b.tags.push({ name, file });
    const display = b.g.bool() ? { displayName: `${name} "and" more` } : {};
    b.add(file, { kind: 'tag', name, ...display });
  }
}

/** `latency p50 < 20 ms, p99 < 1.5 s`: one to three distinct percentiles. */
function latency(b: Builder): LatencyModel {
  const g = b.g;
  const percentiles = g.shuffle(words('p50 p95 p99 p100 p999')).slice(0, g.int(1, 3));
  return {
    kind: 'latency',
    limits: percentiles.map((percentile) =>
      g.bool()
        ? { percentile, value: g.int(1, 500), unit: 'ms' as const }
        : { percentile, value: g.pick([0.5, 1, 1.5, 30]), unit: 's' as const },
    ),
  };
}

/**
 * What the root's header block holds (one spec in three has a block): one or two servers
 * (one perhaps with variables), a license, a contact, the spec-wide security and latency.
 */
export function specSettings(b: Builder, root: string): SpecSettingModel[] | undefined {
  const g = b.g;
  if (!g.chance(2)) return undefined;
  const out: SpecSettingModel[] = [];
  for (let i = g.nat(2); i > 0; i--) {
    if (g.bool()) {
      out.push({ kind: 'server', url: `https://api${i}.example.com/v1`, variables: [] });
      continue;
    }
    const doc = (text: string) => (g.chance(3) ? { doc: text } : {});
    out.push({
      kind: 'server',
      url: `https://{region}.example.com/{stage}${i}`,
      ...doc('A regional server.'),
      variables: [
        { name: 'region', values: g.shuffle(['eu', 'us', 'ap']).slice(0, g.int(1, 3)) },
        { name: 'stage', values: ['v1', 'beta'], ...doc('The stage.') },
      ],
    });
  }
  if (g.chance(3))
    out.push(
      g.bool()
        ? { kind: 'license', name: 'Apache-2.0' }
        : { kind: 'license', name: 'Example licence', url: 'https://example.com/licence' },
    );
  if (g.bool()) {
    const contact = g.pick([
      { name: 'API team', email: 'api@example.com', url: 'https://example.com/help' },
      { name: 'API team' },
      { email: 'api@example.com' },
    ]);
    out.push({ kind: 'contact', ...contact });
  }
  if (g.bool()) {
    const required = security(b, root, false);
    if (required) out.push(required);
  }
  if (g.chance(3)) out.push(latency(b));
  return g.shuffle(out);
}

/** Metadata clauses of an endpoint of `file`: its own security (or none), tags, deprecated, latency. */
export function endpointMetadata(b: Builder, file: string): EndpointClause[] {
  const g = b.g;
  const out: EndpointClause[] = [];
  if (g.chance(3)) {
    const required = security(b, file, true);
    if (required) out.push(required);
  }
  const tags = b.tags.filter((t) => b.visible(file, t.file));
  if (tags.length > 0 && g.chance(3))
    out.push({ kind: 'tags', names: g.shuffle(tags.map((t) => t.name)).slice(0, g.int(1, 2)) });
  if (g.chance(8)) out.push({ kind: 'deprecated' });
  if (g.chance(6)) out.push(latency(b));
  return out;
}

/** A doc comment of two paragraphs: the first is the operation's summary. */
export const twoParagraphs = (name: string) =>
  `Does ${name}, "quoted".\n\nThe rest of the description:\n\`code\` and more.`;
