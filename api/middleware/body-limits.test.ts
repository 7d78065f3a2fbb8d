import { describe, expect, it } from 'vitest';
import { bodyLimits } from './body-limits.ts';
import { appWith } from './test-app.ts';

const app = () => appWith(bodyLimits({ jsonBytes: 1024, uploadBytes: 8 * 1024 }));

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 256) controller.enqueue(bytes.subarray(i, i + 256));
      controller.close();
    },
  });
}

describe('bodyLimits', () => {
  it('refuses a JSON body over the limit with 413 and the standard error body', async () => {
    const res = await app().request('/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: 'x'.repeat(2000) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', details: { limitBytes: 1024 } } });
  });

  it('counts streamed bytes, whatever Content-Length says', async () => {
    const res = await app().request('/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamOf('x'.repeat(5000)), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('lets bodies under the limit through, and multipart uploads up to the upload limit', async () => {
    const small = await app().request('/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(small.status).toBe(200);
    const form = new FormData();
    form.set('file', new File(['y'.repeat(4000)], 'statement.csv'));
    const upload = await app().request('/x', { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    const big = new FormData();
    big.set('file', new File(['y'.repeat(9000)], 'statement.csv'));
    expect((await app().request('/x', { method: 'POST', body: big })).status).toBe(413);
  });
});
