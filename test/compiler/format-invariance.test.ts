import { describe, expect, it } from 'vitest';
import { compileTargets } from '@specl/compiler';
import { formatSource } from '@specl/language';
import { lowerFiles } from '../helpers/lower.js';

/** The compiled outputs of a spec given as text (all targets), by file. */
async function compiled(text: string): Promise<Record<string, string>> {
  const ir = await lowerFiles({ '/shop.specl': text }, '/shop.specl');
  const files = compileTargets(ir, ['openapi', 'types', 'properties'], { yaml: false });
  return Object.fromEntries([
    ['fingerprint', ir.fingerprint],
    ...files.map((f) => [f.path, f.content]),
  ]);
}

async function formatted(text: string): Promise<string> {
  const result = await formatSource(text, 'file:///shop.specl');
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

// Expressions spaced, broken and commented in ways `specl fmt` changes.
const messy = `/// A shop.
spec Shop version "1.0.0"

/// An item for sale.
type Item {
  /// What it is called.
  name: String
  price: Int { min: 0 }
  stock: Int
  invariant price>=0 and( stock>=0 or price==  0 )
  invariant (
    stock <= 1000 // a warehouse holds no more
  )
}

endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
  ensures response.price >=0 and response.name   != ""
}
`;

describe('formatting and line endings do not change what a spec compiles to', () => {
  it('gives the same fingerprint and byte-identical outputs before and after `specl fmt`', async () => {
    const after = await formatted(messy);
    expect(after).not.toBe(messy);
    const [a, b] = await Promise.all([compiled(messy), compiled(after)]);
    expect(b).toEqual(a);
    // The source shown in the outputs is the formatted expression, without the comment.
    expect(a['openapi.json']).toContain('price >= 0 and (stock >= 0 or price == 0)');
    expect(a['openapi.json']).toContain('(stock <= 1000)');
  });

  it('reads a spec with CR-only line endings as the same spec (doc comments kept)', async () => {
    const lf = await formatted(messy);
    const cr = lf.replace(/\n/g, '\r');
    const crlf = lf.replace(/\n/g, '\r\n');
    const [a, b, c] = await Promise.all([compiled(lf), compiled(cr), compiled(crlf)]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a['openapi.json']).toContain('An item for sale.');
    expect(a['openapi.json']).toContain('What it is called.');
  });

  it('formats a CR-only file line by line, as the same file with LF endings', async () => {
    const cr = messy.replace(/\n/g, '\r');
    expect(await formatted(cr)).toBe(await formatted(messy));
  });
});
