/** Same-site paths only (no scheme, no "//host"), like core's post-login destination. */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || !/^\/(?!\/)[\w\-/.?=&%]*$/.test(value) || value.length > 500) return null;
  return value;
}

/** Where "Efetuar troca" goes back to: the page the person came from, never the switcher itself. */
export function returnPathFrom(query: string | undefined, referer: string | undefined, ownOrigin: string): string {
  const fromQuery = safeReturnPath(query);
  if (fromQuery) return fromQuery;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    if (url.origin !== ownOrigin || url.pathname.startsWith('/alterar-clinica')) return '/';
    return safeReturnPath(url.pathname + url.search) ?? '/';
  } catch {
    return '/';
  }
}

/**
 * After switching, a page about one record of the old base (/usuarios/123) would not exist in the new
 * one: go back to its list instead (/usuarios).
 */
export function pathAfterSwitch(path: string): string {
  const clean = safeReturnPath(path) ?? '/';
  const [pathname] = clean.split('?');
  const segments = (pathname ?? '/').split('/').filter(Boolean);
  if (segments.some((s) => /^\d+$/.test(s))) return `/${segments[0]}`;
  return clean;
}
