import type { Child } from 'hono/jsx';

/** A piece of message text: plain text, or an http(s) link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/gi;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"»]+$/;

/** Only absolute http(s) URLs with a host become links; anything else stays text. */
function safeHref(candidate: string): string | null {
  const withScheme = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits text into plain parts and links (parentheses around a URL are kept as text). */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let raw = m[0];
    const trailing = TRAILING.exec(raw)?.[0] ?? '';
    // Keep a closing parenthesis that belongs to the URL, e.g. https://pt.wikipedia.org/wiki/TISS_(saúde)
    let cut = trailing.length;
    if (trailing.startsWith(')') && (raw.slice(0, -cut).match(/\(/g)?.length ?? 0) > (raw.slice(0, -cut).match(/\)/g)?.length ?? 0)) {
      cut -= 1;
    }
    raw = cut > 0 ? raw.slice(0, -cut) : raw;
    const href = safeHref(raw);
    const start = m.index ?? 0;
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Message text with its links clickable; every piece is escaped by JSX (no HTML from users). */
export function LinkifiedText({ text }: { text: string }): Child {
  return (
    <>
      {splitLinks(text).map((p) =>
        p.kind === 'text' ? (
          p.text
        ) : (
          <a href={p.href} rel="noopener noreferrer nofollow ugc" target="_blank">
            {p.text}
          </a>
        ),
      )}
    </>
  );
}
