import { describe, expect, it } from 'vitest';
import { parseArticle } from './parse-article.ts';

describe('parseArticle', () => {
  it('takes the title from the first "# " line and renders the rest', () => {
    const article = parseArticle('exemplo', '# Meu título\n\nCorpo com **negrito**.\n');
    expect(article).toEqual({ slug: 'exemplo', title: 'Meu título', html: '<p>Corpo com <strong>negrito</strong>.</p>' });
  });

  it('accepts a BOM, CRLF line ends and a closing #', () => {
    const article = parseArticle('exemplo', '\uFEFF# Título ##\r\n\r\nTexto\r\n');
    expect(article.title).toBe('Título');
    expect(article.html).toBe('<p>Texto</p>');
  });

  it('does not put the title in the html', () => {
    expect(parseArticle('exemplo', '# Título\n\nTexto').html).not.toContain('Título');
  });

  it('sanitises the body', () => {
    expect(parseArticle('exemplo', '# T\n\n<script>x()</script>ok').html).toBe('ok');
  });

  it('refuses a file without a "# Title" first line', () => {
    expect(() => parseArticle('sem-titulo', 'Texto\n\n# Depois')).toThrow(/sem-titulo/);
    expect(() => parseArticle('sem-titulo', '## Subtítulo\n\nTexto')).toThrow(/# Title/);
    expect(() => parseArticle('sem-titulo', '#\n\nTexto')).toThrow();
  });

  it('refuses an article with no body', () => {
    expect(() => parseArticle('vazio', '# Só título\n\n')).toThrow(/no content/);
  });
});
