import { describe, expect, it } from 'vitest';
import { corsForOrigins } from './cors.ts';
import { appWith } from './test-app.ts';

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
});

describe('corsForOrigins', () => {
  it('allows preflights and calls from configured origins only, with credentials', async () => {
    const app = appWith(corsForOrigins(['https://app.example.com']));
    const ok = await app.request('/x', preflight('https://app.example.com'));
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const other = await app.request('/x', preflight('https://evil.example.com'));
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const call = await app.request('/x', { headers: { origin: 'https://evil.example.com' } });
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
    const allowedCall = await app.request('/x', { headers: { origin: 'https://app.example.com' } });
    expect(allowedCall.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('answers no cross-origin request at all when no origin is configured', async () => {
    const app = appWith(corsForOrigins([]));
    const res = await app.request('/x', preflight('https://app.example.com'));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });
});
