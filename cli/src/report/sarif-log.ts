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

/**
 * A SARIF 2.1.0 log of one run of the `specl` tool, as JSON text: its rules, the spec files it
 * speaks of (as artifacts) and its results.
 */
export function formatSarifLog(
  toolVersion: string,
  rules: readonly object[],
  files: readonly string[],
  results: readonly object[],
): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'specl', version: toolVersion, semanticVersion: toolVersion, rules },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((file) => ({
          location: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
          mimeType: 'text/x-specl',
        })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
