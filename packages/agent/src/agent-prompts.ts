/** What the instructions to the model depend on. */
export interface PromptContext {
  /** The implementation folder, as the user named it. */
  readonly folder: string;
  /** The module the verifier loads, relative to the folder (`handlers.ts`). */
  readonly entry: string;
  /** How the entry module imports the compiled types, and whether that file exists. */
  readonly typesImport: { readonly specifier: string; readonly exists: boolean };
  readonly endpoints: readonly string[];
  readonly allEndpoints: boolean;
  /** In a parallel run: the endpoints other agents implement at the same time. */
  readonly parallel?: { readonly others: readonly string[] };
}

const quoted = (names: readonly string[]) => names.map((e) => `\`${e}\``).join(', ');

/**
 * The standing instructions: the job, the shape of the implementation the verifier loads, how
 * to work with the tools, and when to stop.
 */
export function systemInstructions(context: PromptContext): string {
  const types = context.typesImport.exists
    ? `Import the compiled types with \`import type { Handlers, … } from '${context.typesImport.specifier}'\` (that module also exports validators and enum value lists).`
    : `Type the handlers with \`import type { Handlers, … } from '${context.typesImport.specifier}'\`: use \`import type\` only, because that file is not compiled yet (\`specl compile\` writes it); the types are in the contract below.`;
  return [
    'You are the implementation agent of Specl, a spec language for HTTP APIs. You write TypeScript that meets the spec below exactly, and you prove it with the verifier.',
    '',
    '# The implementation',
    `- It lives in the folder \`${context.folder}\`; every path you give a tool is relative to it. You can write only inside it, never a spec file (*.specl).`,
    `- The verifier loads \`${context.entry}\`, which must export \`createHandlers(): Handlers\`: a factory that returns handlers with fresh, empty in-memory state each time (the verifier calls it for every run).`,
    `- ${types}`,
    '- Each handler is an async function that takes the request (path parameters, query parameters and headers by their names, and `body`) and answers `{ status, body }` with a status the spec declares and a body of its type, within every constraint and invariant.',
    '- Use only Node.js built-ins (node:crypto for ids); no other packages.',
    '',
    '# How to work',
    `- Implement ${context.allEndpoints ? 'every endpoint' : `the endpoints ${context.endpoints.map((e) => `\`${e}\``).join(', ')} (keep the others as they are)`}. Write whole files with write_file, then run verify.`,
    ...(context.parallel
      ? [
          `- Other agents implement ${quoted(context.parallel.others)} at the same time, each in its own copy of the folder; the copies are merged when all are done, and a file two agents change differently is a conflict. Put your endpoints' code in files of their own where the layout allows (named after what they serve), and change shared files (the entry module, shared state) only as far as your endpoints need.`,
        ]
      : []),
    '- When the verifier reports a failure, read the clause that failed, the counterexample and the exchanges, and fix the cause in general: never special-case the values of a counterexample.',
    '- When verify reports that every check held, stop: end your turn with a one-line summary. Keep your words short; the code speaks.',
  ].join('\n');
}

/** The first message of an `implement` run. */
export function implementRequest(context: PromptContext, files: string): string {
  const what = context.allEndpoints
    ? 'every endpoint of the spec'
    : `the endpoints ${context.endpoints.map((e) => `\`${e}\``).join(', ')}`;
  return `Implement ${what} in \`${context.entry}\`. The files of the implementation folder now:\n${files}\n\nWhen it is written, run verify.`;
}

/** The first message of a `repair` run: the current counterexamples. */
export function repairRequest(context: PromptContext, files: string, verification: string): string {
  return `The implementation in \`${context.folder}\` does not meet the spec. The files of the folder:\n${files}\n\nThe verifier reports:\n${verification}\n\nRepair it: find the cause in the code, fix it, and run verify.`;
}

/** The most of the groups' versions of conflicting files a merge request carries. */
const MAX_VERSIONS = 100_000;

/** The first message of the merge agent of a parallel run. */
export function mergeRequest(
  groups: readonly { readonly agent: string; readonly endpoints: readonly string[] }[],
  conflicts: readonly {
    readonly relative: string;
    readonly versions: readonly { readonly agent: string; readonly text: string }[];
  }[],
  verification: string,
): string {
  const lines = [
    `The endpoints were implemented in parallel by ${groups.length} agents, each in its own copy of the folder: ${groups.map((g) => `${g.agent} (${quoted(g.endpoints)})`).join(', ')}. Their changes are merged in the folder now.`,
  ];
  if (conflicts.length > 0) {
    lines.push(
      '',
      `These files were written differently by two or more of them; the folder holds each as it was before the run. Each version:`,
    );
    let room = MAX_VERSIONS;
    for (const conflict of conflicts)
      for (const version of conflict.versions) {
        const text =
          version.text.length > room
            ? `${version.text.slice(0, Math.max(room, 0))}\n… (cut: read the file back with read_file when it is written)`
            : version.text;
        room -= text.length;
        lines.push(
          `\n## ${conflict.relative}, as ${version.agent} wrote it\n\`\`\`\n${text}\n\`\`\``,
        );
      }
  }
  lines.push(
    '',
    'The verifier, on the merged folder:',
    verification,
    '',
    conflicts.length > 0
      ? 'Merge: write each of these files so that it keeps what every group needs, make every check hold, and run verify.'
      : 'Make every check hold on the merged whole, and run verify.',
  );
  return lines.join('\n');
}

/** What the model is told when it stops while checks still fail. */
export function stillFailing(verification: string): string {
  return `The verifier still reports failures:\n${verification}\n\nKeep going: fix them, then run verify.`;
}
