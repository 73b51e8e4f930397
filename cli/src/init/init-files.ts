import type { SpecIR } from '@specl/compiler';

/** The spec a new project starts from: a small API with a type, an error and an invariant. */
export function starterSpec(name: string): string {
  return `/// The ${name} API: edit this spec, then \`npx specl compile\` and \`npx specl verify\`.
spec ${name} version "0.1.0"

/// A thing the API keeps.
type Item {
  id: Uuid
  name: String { minLength: 1, maxLength: 100 }
  quantity: Int { min: 0 }
}

type NewItem {
  name: String { minLength: 1, maxLength: 100 }
  quantity: Int { min: 0 }
}

error NotFound 404 { message: String }

endpoint createItem POST /items {
  body NewItem
  response 201 Item
  ensures response.name == body.name
  ensures response.quantity == body.quantity
}

endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
  errors NotFound
  ensures response.id == id
}
`;
}

/**
 * The implementation skeleton of a spec: a \`createHandlers()\` with one method a endpoint,
 * each failing until it is written, typed by the compiled \`Handlers\` interface.
 */
export function handlersSkeleton(ir: SpecIR, typesImport: string): string {
  const methods = ir.endpoints.map(
    (endpoint) => `    async ${endpoint.name}(request) {
      // ${endpoint.method} ${endpoint.path}: answer { status, body } as types.ts says.
      void request;
      throw new Error('${endpoint.name} is not implemented yet');
    },`,
  );
  return `// The implementation of ${ir.name} (\`specl init\` wrote this skeleton from the spec).
// \`npx specl verify\` checks it against the spec; \`npx specl implement\` lets Claude write it.
import type { Handlers } from '${typesImport}';

/** A fresh implementation with empty state: \`specl verify --impl\` calls it for every run. */
export function createHandlers(): Handlers {
  return {
${methods.join('\n')}
  };
}
`;
}

/** The GitHub Actions workflow of a project made by \`specl init\`. */
export function ciWorkflow(paths: { spec: string; generated: string; impl: string }): string {
  return `# Specl in CI: on every push and pull request, check the spec, make sure the committed compiled
# outputs are up to date, and verify the implementation against the spec, with a JUnit report.
name: specl

on:
  push:
  pull_request:

env:
  SPEC: ${paths.spec}
  GENERATED: ${paths.generated}
  IMPL: ${paths.impl}
  REPORT: specl-verify.xml

jobs:
  specl:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - name: Install
        run: npm ci
      - name: specl check
        run: npx specl check "$SPEC"
      - name: specl compile --check
        run: npx specl compile "$SPEC" --out "$GENERATED" --check
      - name: specl verify
        run: npx specl verify "$SPEC" --impl "$IMPL" --reporter junit --output "$REPORT"
      - name: Keep the verification report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: specl-verify
          path: \${{ env.REPORT }}
`;
}

/** The editor settings of a new project: the spec's files open with the Specl extension. */
export function editorSettings(): string {
  return `${JSON.stringify(
    {
      'files.associations': { '*.specl': 'specl' },
      'specl.diff.baseline': 'HEAD',
      'specl.agent.impl': 'src/handlers.ts',
    },
    null,
    2,
  )}\n`;
}
