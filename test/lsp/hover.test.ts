import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { textIn } from './helpers/cursor.js';
import { LspSession } from './helpers/lsp-session.js';

const library = `/// Whole days; never negative.
type Days = Int { min: 0, max: 366 }

enum Status {
  /// Waiting for a decision.
  pending,
  approved
}

error NotFound 404 { message: String }

/// A request for time off.
type Request {
  /// How long, in days.
  days: Days { max: 30 }
  status: Status
  note?: String
}

/// Reads one request.
endpoint getRequest GET /requests/{id: Uuid} {
  response 200 Request
  errors NotFound
}
`;

describe('hover over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({ 'lib.specl': library });
  });
  afterAll(() => session.close());

  /** The hover at the cursor (markdown) and the text its range covers. */
  async function hover(source: string): Promise<{ markdown: string; word: string } | null> {
    const { uri, text, position } = await session.openWithCursor(
      `spec Test version "1.0.0"\nimport "./lib.specl"\n${source}`,
    );
    const result = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position,
    });
    if (!result) return null;
    const contents = result.contents as { kind: string; value: string };
    expect(contents.kind).toBe('markdown');
    return { markdown: contents.value, word: result.range ? textIn(text, result.range) : '' };
  }

  it('shows a field: declaration, resolved type, constraints with their alias, doc comment', async () => {
    const result = await hover('property p {\n  forall r: Request\n  expect r.da$0ys > 0\n}\n');
    expect(result).toEqual({
      word: 'days',
      markdown: [
        '```specl\ndays: Days { max: 30 }\n```',
        'Type: `Int`',
        'Constraints: `min: 0` (from `Days`), `max: 366` (from `Days`), `max: 30`',
        'How long, in days.',
      ].join('\n\n'),
    });
  });

  it('shows the type of a `try` outcome and its members as typed by the call', async () => {
    const outcome = await hover(
      'property p {\n  let r = try getRequest(id: "00000000-0000-4000-8000-000000000000")\n  expect $0r.ok\n}\n',
    );
    expect(outcome?.markdown).toBe('```specl\nr: outcome of Request\n```');
    const value = await hover(
      'property p {\n  let r = try getRequest(id: "00000000-0000-4000-8000-000000000000")\n  expect r.ok implies r.val$0ue.days > 0\n}\n',
    );
    expect(value?.markdown).toBe(
      [
        '```specl\nvalue: Request\n```',
        'The success body; reading it from a failed call discards the run (as a failed precondition).',
      ].join('\n\n'),
    );
  });

  it('shows an enum member and an endpoint with their docs', async () => {
    const member = await hover(
      'property p {\n  forall r: Request\n  expect r.status == pend$0ing or true\n}\n',
    );
    expect(member?.markdown).toBe('```specl\nStatus.pending\n```\n\nWaiting for a decision.');
    const endpoint = await hover(
      'property p {\n  let r = try getReq$0uest(id: "00000000-0000-4000-8000-000000000000")\n  expect r.ok\n}\n',
    );
    expect(endpoint?.markdown).toBe(
      '```specl\nendpoint getRequest GET /requests/{id}\n```\n\nReads one request.',
    );
  });

  it('shows a type by its name, where it is declared and where it is used', async () => {
    const alias = await hover('type Span {\n  length: Da$0ys\n}\n');
    expect(alias?.markdown).toBe(
      '```specl\ntype Days = Int { min: 0, max: 366 }\n```\n\nType: `Int`\n\nConstraints: `min: 0`, `max: 366`\n\nWhole days; never negative.',
    );
    const declared = await hover('/// A local type.\ntype Lo$0cal = String\n');
    expect(declared?.markdown).toBe('```specl\ntype Local = String\n```\n\nA local type.');
  });

  it('explains keywords, and shows nothing on punctuation', async () => {
    expect(await hover('type Span {\n  length:$0 Days\n}\n')).toBeNull();
    expect(
      await hover('endpoint e GET /e {\n  response 200 Days\n  ens$0ures response > 0\n}\n'),
    ).toEqual({
      word: 'ensures',
      markdown: 'A postcondition: every success response must satisfy it.',
    });
    // A field named by a keyword is the field, not the keyword.
    expect((await hover('type Span {\n  ty$0pe: Days\n}\n'))?.markdown).toBe(
      '```specl\ntype: Days\n```\n\nType: `Int`\n\nConstraints: `min: 0` (from `Days`), `max: 366` (from `Days`)',
    );
  });
});
