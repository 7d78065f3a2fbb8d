import { describe, expect, it } from 'vitest';
import { edgeSecureHeaders } from './secure-headers.ts';
import { appWith } from './test-app.ts';

describe('edgeSecureHeaders', () => {
  it('sends a CSP allowing only same-origin scripts and styles, and the usual hardening headers', async () => {
    const res = await appWith(edgeSecureHeaders()).request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });
});
