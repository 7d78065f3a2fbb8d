import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../testing/render-at.tsx';
import { LoginPage, safeNext } from './login-page.tsx';
import { SessionProvider } from './session.tsx';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the login form', () => {
  it('says so when the token is refused, then signs in and goes where the person came from', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        posted.push(JSON.parse(String(init?.body)));
        const { token } = JSON.parse(String(init?.body)) as { token: string };
        if (url !== '/api/auth/login') return json(404, { error: { code: 'not_found', message: 'no' } });
        return token === 'good' ? json(200, { user: { id: 'u1', name: 'Ada', role: 'approver' } }) : json(401, { error: { code: 'unauthorized', message: 'The API token is not valid' } });
      }),
    );
    const { location } = renderAt('/login?next=%2Fexceptions%2Fabc', () => <LoginPage />, { path: '/login', wrap: (c) => <SessionProvider load={async () => null}>{c()}</SessionProvider> });
    const box = await screen.findByLabelText('API token');
    expect(box.getAttribute('type')).toBe('password');

    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your API token.');
    expect(posted).toEqual([]);

    fireEvent.input(box, { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not valid'));
    expect(box.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(box, { target: { value: '  good ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(location()).toBe('/exceptions/abc'));
    expect(posted.at(-1)).toEqual({ token: 'good' });
  });

  it('returns only to paths of the app itself', () => {
    expect(safeNext('/exceptions/1?edit=1')).toBe('/exceptions/1?edit=1');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
