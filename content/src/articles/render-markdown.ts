import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A private instance: nobody else's `marked.use(...)` can change how help articles render.
const markdown = new Marked({ gfm: true, breaks: false });

const WEB_LINK = /^https?:/i;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'p', 'br', 'hr',
    'ul', 'ol', 'li',
    'strong', 'em', 'b', 'i', 'del',
    'code', 'pre', 'blockquote',
    'a', 'img',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { code: [/^language-[a-z0-9_+-]+$/] },
  // Links: http, https, mailto or relative. Images: http/https or relative (never data: or javascript:).
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image whose src was refused (data:, javascript:, …) is dropped instead of left empty.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    a: (tagName, attribs) => {
      const { rel: _ignored, ...rest } = attribs;
      const href = (rest.href ?? '').trim();
      if (WEB_LINK.test(href)) return { tagName, attribs: { ...rest, rel: 'noopener noreferrer' } };
      return { tagName, attribs: rest };
    },
  },
};

/** Markdown → HTML safe to inline in a page: marked for the syntax, sanitize-html allow-list for the output. */
export function renderMarkdownSafe(md: string): string {
  const html = markdown.parse(md, { async: false });
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}
