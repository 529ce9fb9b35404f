import { renderMarkdownSafe } from './render-markdown.ts';

export interface HelpArticle {
  readonly slug: string;
  readonly title: string;
  /** Sanitised HTML of the body, without the `# Title` line (the page renders the title itself). */
  readonly html: string;
}

const TITLE_LINE = /^#[ \t]+(.+?)[ \t#]*$/;

/** Splits an article file into its `# Title` first line and body, and renders the body safely. */
export function parseArticle(slug: string, source: string): HelpArticle {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const match = TITLE_LINE.exec(firstLine);
  const title = match?.[1]?.trim();
  if (!title) {
    throw new Error(`Help article "${slug}" must start with a "# Title" line.`);
  }
  const body = newline === -1 ? '' : text.slice(newline + 1);
  const html = renderMarkdownSafe(body);
  if (html === '') {
    throw new Error(`Help article "${slug}" has no content below its title.`);
  }
  return Object.freeze({ slug, title, html });
}
