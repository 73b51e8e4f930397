import type { CodeLens, Range } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { SpecFile } from '@specl/language';
import { isEndpoint, isProperty } from '@specl/language';
import type { CheckResult } from '@specl/verify';
import type { CodeLensContribution } from '../code-lens-contributions.js';
import type { VerificationService } from './verification-service.js';

/** The command that verifies a document's spec: `specl.verify <document URI>`. */
export const VERIFY_COMMAND = 'specl.verify';

/** The title of a check's lens: its last result. */
export function resultTitle(check: CheckResult | undefined, running: boolean): string {
  if (running) return '⟳ verifying…';
  if (!check) return 'not verified yet';
  if (check.status === 'passed') return `✓ verified, ${check.runs} runs`;
  if (check.status === 'discarded') return `? not verified: all ${check.discarded} runs discarded`;
  const failure = check.failure;
  return `✗ failing: ${failure?.clause?.source.split('\n')[0] ?? failure?.message ?? 'see problems'}`;
}

/**
 * Two lenses above each endpoint and each property of a spec: the last verification result
 * of its check (see {@link resultTitle}) and a "Verify" lens that verifies the whole spec.
 */
export class VerificationLenses implements CodeLensContribution {
  constructor(private readonly service: VerificationService) {}

  provideCodeLenses(document: LangiumDocument): CodeLens[] {
    const uri = document.uri.toString();
    const state = this.service.stateOf(uri);
    const text = document.textDocument.getText();
    const report = state?.status === 'done' && state.text === text ? state.report : undefined;
    const running = state?.status === 'running';
    const spec = document.parseResult.value as SpecFile;
    return (spec.declarations ?? []).flatMap((declaration) => {
      const kind = isEndpoint(declaration) ? 'endpoint' : isProperty(declaration) ? 'property' : '';
      const node = declaration.$cstNode;
      if (kind === '' || !node) return [];
      const name = `${kind} ${declaration.name}`;
      const check = report?.checks.find((c) => c.name === name);
      const range: Range = { start: node.range.start, end: node.range.start };
      return [
        { range, command: { title: resultTitle(check, running), command: '' } },
        { range, command: { title: 'Verify', command: VERIFY_COMMAND, arguments: [uri] } },
      ];
    });
  }
}
