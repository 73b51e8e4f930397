import { EmptyFileSystem, URI } from 'langium';
import type { ValidationAcceptor } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Endpoint, SpeclServices } from '@specl/language';
import { createSpeclServices, DeclarationChecks, EndpointChecks } from '@specl/language';
import { createSpeclLspServices } from '@specl/language/lsp';

const SPEC = `spec Shop version "1.0.0"

type Item { id: Int }

endpoint getItem GET /items/{id: Int} {
  response 200 Item
}
`;

let documents = 0;

/** The diagnostics the services give a document of `text`, built as the tools build. */
async function diagnosticsOf(
  services: { shared: { workspace: SpeclServices['shared']['workspace'] } },
  text: string,
) {
  const { workspace } = services.shared;
  const document = workspace.LangiumDocumentFactory.fromString(
    text,
    URI.parse(`memory:///check-services-${++documents}.specl`),
  );
  workspace.LangiumDocuments.addDocument(document);
  await workspace.DocumentBuilder.build([document], { validation: true });
  return (document.diagnostics ?? []).map((diagnostic) => diagnostic.message);
}

/** An endpoint check that also reports each endpoint it sees, as a replacement would. */
class CountingEndpointChecks extends EndpointChecks {
  override checkEndpoint(endpoint: Endpoint, accept: ValidationAcceptor): void {
    super.checkEndpoint(endpoint, accept);
    accept('warning', `counted ${endpoint.name}`, { node: endpoint });
  }
}

describe("Specl's check classes are services", () => {
  it('are created once per set of services, in the core and the language server alike', () => {
    const one = createSpeclServices(EmptyFileSystem).Specl;
    const other = createSpeclServices(EmptyFileSystem).Specl;
    expect(one.checks.Endpoints).toBeInstanceOf(EndpointChecks);
    expect(one.checks.Declarations).toBeInstanceOf(DeclarationChecks);
    expect(one.checks.Endpoints).not.toBe(other.checks.Endpoints);
    expect(createSpeclLspServices({ ...EmptyFileSystem }).Specl.checks.Endpoints).toBeInstanceOf(
      EndpointChecks,
    );
  });

  it('can be replaced by a module, and the validation calls the replacement', async () => {
    const plain = createSpeclServices(EmptyFileSystem).Specl;
    expect(await diagnosticsOf(plain, SPEC)).toEqual([]);
    const replaced = createSpeclServices(EmptyFileSystem, {
      modules: [{ checks: { Endpoints: (services) => new CountingEndpointChecks(services) } }],
    }).Specl;
    expect(replaced.checks.Endpoints).toBeInstanceOf(CountingEndpointChecks);
    expect(await diagnosticsOf(replaced, SPEC)).toEqual(['counted getItem']);
  });
});
