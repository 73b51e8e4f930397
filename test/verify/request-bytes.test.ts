import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SentEntry } from '@specl/verify';
import {
  afterHistory,
  historyFromJson,
  historyToJson,
  loadContracts,
  urlSource,
} from '@specl/verify';
import { lowerSources } from '../compiler/openapi/openapi-helpers.js';
import { repoRoot, withServer } from './verify-helpers.js';

// Request bytes are deterministic: a multipart body's boundary is derived from its parts (not
// drawn at random), so the same request is the same bytes; and a failure's history keeps byte
// bodies as base64 in the JSON report, so `--history` sends the same bytes again.

const spec = readFileSync(join(repoRoot, 'test/fixtures/v01-http.specl'), 'utf8');
const TOKEN = 'bytes-token-51c2';

/** Every byte outside ASCII text, and a line break of each kind: what a lossy copy would change. */
const file = new Uint8Array([0, 1, 2, 13, 10, 10, 0x80, 0xfe, 0xff, 0x2d, 0x2d, 0x7f]);
const upload = { body: { title: 'Q3 --report\r\n', file } };

/** A server that keeps each request's raw body and its content type, and answers 201. */
function recordingServer(received: { type: string; bytes: Buffer }[]) {
  let id = 1;
  return createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ type: request.headers['content-type'] ?? '', bytes: Buffer.concat(chunks) });
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: id++, title: upload.body.title, size: file.length }));
  });
}

async function uploadEndpoint() {
  const ir = await lowerSources({ '/docs.specl': spec }, '/docs.specl');
  const { endpoints } = await loadContracts(ir);
  return endpoints;
}

describe('request bytes', () => {
  it('sends the same multipart bytes for the same request, its boundary derived from its parts', async () => {
    const endpoints = await uploadEndpoint();
    const received: { type: string; bytes: Buffer }[] = [];
    await withServer(recordingServer(received), async (base) => {
      const target = await urlSource(base, {
        timeoutMs: 5_000,
        credentials: { Token: TOKEN },
      }).open();
      await target.send(endpoints.upload!, upload);
      await target.send(endpoints.upload!, structuredClone(upload));
      await target.send(endpoints.upload!, { body: { ...upload.body, title: 'other' } });
    });
    const [first, second, other] = received;
    expect(second!.type).toBe(first!.type);
    expect(second!.bytes.equals(first!.bytes)).toBe(true);
    const boundary = /boundary=(.+)$/.exec(first!.type)![1]!;
    expect(boundary).toMatch(/^specl-[0-9a-f]{16}$/);
    // Another request, another boundary; and the body parses back to what was sent.
    expect(other!.type).not.toBe(first!.type);
    const form = await new Response(first!.bytes, {
      headers: { 'content-type': first!.type },
    }).formData();
    expect(form.get('title')).toBe(upload.body.title);
    const part = form.get('file') as Blob;
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(file);
  });

  it('keeps byte bodies of a history as base64 in JSON, and sends them again byte for byte', async () => {
    const endpoints = await uploadEndpoint();
    const history: SentEntry[] = [{ endpoint: 'upload', request: upload }];
    const json = JSON.stringify(historyToJson(history));
    expect(json).toContain(`{"$bytes":"${Buffer.from(file).toString('base64')}"}`);
    const read = historyFromJson(JSON.parse(json) as unknown[]);
    expect(read).toEqual(history);
    expect((read[0]!.request['body'] as { file: unknown }).file).toBeInstanceOf(Uint8Array);

    const received: { type: string; bytes: Buffer }[] = [];
    await withServer(recordingServer(received), async (base) => {
      const source = urlSource(base, { timeoutMs: 5_000, credentials: { Token: TOKEN } });
      await (await source.open()).send(endpoints.upload!, upload);
      await afterHistory(source, endpoints, read);
    });
    const [sent, replayed] = received;
    expect(replayed!.type).toBe(sent!.type);
    expect(replayed!.bytes.equals(sent!.bytes)).toBe(true);
  });

  it('leaves objects that merely look like bytes, and lists of files, as they were', () => {
    const request = {
      body: { files: [file, new Uint8Array([7])], note: { $bytes: 1 }, map: { '0': 1, '1': 2 } },
    };
    const read = historyFromJson(
      JSON.parse(JSON.stringify(historyToJson([{ endpoint: 'x', request }]))) as unknown[],
    );
    expect(read[0]!.request).toEqual(request);
  });
});
