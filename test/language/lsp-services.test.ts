import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import {
  createSpeclLspServices,
  diagnosticsPublisherOf,
  ExtraDiagnosticSources,
  extraDiagnosticSources,
} from '@specl/language/lsp';

describe("Specl's services of a language server", () => {
  it('hold one extra-diagnostics registry per set of services, and no publisher without a connection', () => {
    const { shared } = createSpeclLspServices({ ...EmptyFileSystem });
    const other = createSpeclLspServices({ ...EmptyFileSystem }).shared;
    expect(extraDiagnosticSources(shared)).toBeInstanceOf(ExtraDiagnosticSources);
    expect(extraDiagnosticSources(shared)).toBe(shared.specl.ExtraDiagnostics);
    expect(extraDiagnosticSources(shared)).not.toBe(extraDiagnosticSources(other));
    expect(diagnosticsPublisherOf(shared)).toBeUndefined();
  });

  it('can be replaced by a module of the composition root', () => {
    const registry = new ExtraDiagnosticSources();
    const { shared } = createSpeclLspServices({
      ...EmptyFileSystem,
      sharedModules: [{ specl: { ExtraDiagnostics: () => registry } }],
    });
    expect(extraDiagnosticSources(shared)).toBe(registry);
  });
});
