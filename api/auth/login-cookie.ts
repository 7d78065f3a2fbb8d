/**
 * The web app's login cookie: the API token itself, HttpOnly (scripts cannot
 * read it), SameSite=Strict (other sites cannot make the browser send it, so
 * no CSRF token is needed), Secure whenever the request came over https.
 * A session cookie: it ends with the browser session, the token does not.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const TOKEN_COOKIE = 'recon_token';

function overHttps(c: Context): boolean {
  // A TLS-terminating proxy says so in X-Forwarded-Proto; trusting it can only make the cookie stricter.
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function setLoginCookie(c: Context, token: string): void {
  setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: overHttps(c) });
}

export function clearLoginCookie(c: Context): void {
  deleteCookie(c, TOKEN_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/', secure: overHttps(c) });
}
