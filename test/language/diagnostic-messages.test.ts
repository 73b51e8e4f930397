import { describe, expect, it } from 'vitest';
import type { DiagnosticCodeInfo } from '@specl/language';
import { allDiagnosticCodes, diagnosticCodes, diagnosticMessage, message } from '@specl/language';
import { check, error } from '../helpers/check.js';

describe('diagnostic messages', () => {
  it('fill in a template from the table by code, id and named arguments', () => {
    expect(
      diagnosticMessage('specl/unknown-method', 'default', { method: 'FETCH', fix: '; use GET' }),
    ).toBe('unknown HTTP method `FETCH`; use GET');
    expect(
      diagnosticMessage('specl/status-out-of-range', 'errorStatusBetween', { declStatus: 200 }),
    ).toBe('an error status must be between 400 and 599, not 200');
  });

  it('repeat a parameter used twice', () => {
    const template = message`\`${'name'}\` or \`${'name'}?\``;
    expect(template.keys).toEqual(['name', 'name']);
    expect(diagnosticMessage('specl/untyped-path-parameter', 'default', { partName: 'id' })).toBe(
      'path parameter `id` needs a type: write `{id: String}` (or Uuid, Int, ...)',
    );
  });

  it('are what the checks report', async () => {
    expect(await check('error Gone 200 {}\n')).toEqual([
      error(
        '2:12',
        '200',
        'specl/status-out-of-range',
        diagnosticMessage('specl/status-out-of-range', 'errorStatusBetween', { declStatus: 200 }),
      ),
    ]);
  });

  it('have unique ids and well-formed templates for every code that has them', () => {
    for (const code of allDiagnosticCodes) {
      const info: DiagnosticCodeInfo = diagnosticCodes[code];
      for (const [id, template] of Object.entries(info.messages ?? {})) {
        expect(template.strings.length, `${code} ${id}`).toBe(template.keys.length + 1);
      }
    }
  });

  it('reject unknown codes, ids and arguments at type level', () => {
    // Each line below must fail to type-check (`npm run lint` runs tsc on the tests); at run
    // time the unknown id throws.
    expect(() =>
      // @ts-expect-error: no such code
      diagnosticMessage('specl/no-such-code', 'default', {}),
    ).toThrow();
    expect(() =>
      // @ts-expect-error: no such message of the code
      diagnosticMessage('specl/unknown-method', 'nope', { method: 'X', fix: '' }),
    ).toThrow('specl/unknown-method has no message `nope`');
    // @ts-expect-error: a missing argument
    expect(diagnosticMessage('specl/unknown-method', 'default', { method: 'X' })).toBe(
      'unknown HTTP method `X`undefined',
    );
    // @ts-expect-error: a code the parser reports has no message for checks
    expect(() => diagnosticMessage('specl/syntax-error', 'default', {})).toThrow();
  });
});
