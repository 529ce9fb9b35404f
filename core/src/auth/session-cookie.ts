import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** `__Host-` prefix and Secure when served over HTTPS or in production; HttpOnly, SameSite=Lax, path /. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-painel_sessao' : 'painel_sessao';
}

export function readSessionToken(c: Context, secure: boolean): string | undefined {
  return getCookie(c, sessionCookieName(secure));
}

/** Max-Age (relative) rather than Expires, so the browser's own clock decides, whatever the server's. */
export function writeSessionCookie(c: Context, secure: boolean, token: string, expiresAt: Date, now: Date): void {
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
