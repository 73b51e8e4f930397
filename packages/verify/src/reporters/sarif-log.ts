/** A SARIF region: 1-based lines and columns, the end (when known) just after the range. */
export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * A SARIF physical location: a path relative to the working folder (`%SRCROOT%`, as
 * code-scanning services expect), its index among the run's artifacts when it is one, and a
 * region.
 */
export function sarifLocation(file: string, region: SarifRegion, index?: number) {
  return {
    artifactLocation: {
      uri: encodeURI(file),
      uriBaseId: '%SRCROOT%',
      ...(index !== undefined ? { index } : {}),
    },
    region,
  };
}

/** One run of a SARIF log: the tool, its rules, the files it speaks of, and its results. */
export interface SarifRun {
  /** The tool's name: `specl` (check, diff) or `specl-verify`. */
  readonly tool: string;
  readonly version: string;
  readonly rules: readonly object[];
  /** The spec files the results speak of, listed as artifacts; none listed when undefined. */
  readonly files?: readonly string[];
  readonly results: readonly object[];
}

/**
 * A SARIF 2.1.0 log of one run, as JSON text: the one envelope of `specl check`, `specl diff`
 * and `specl verify` (and its reporters).
 */
export function formatSarifLog(run: SarifRun): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool,
            version: run.version,
            semanticVersion: run.version,
            rules: run.rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(run.files
          ? {
              artifacts: run.files.map((file) => ({
                location: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
                mimeType: 'text/x-specl',
              })),
            }
          : {}),
        results: run.results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
