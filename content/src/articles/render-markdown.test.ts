import { describe, expect, it } from 'vitest';
import { renderMarkdownSafe } from './render-markdown.ts';

describe('renderMarkdownSafe — XSS payloads are neutralised', () => {
  it('drops <script> elements and their content', () => {
    const html = renderMarkdownSafe('Olá <script>alert(1)</script> mundo\n\n<script src="https://x.test/a.js"></script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert(1)');
    expect(html).toContain('Olá');
  });

  it('strips event handlers such as <img onerror>', () => {
    const html = renderMarkdownSafe('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">a</p> <svg onload=alert(3)>');
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toContain('alert(');
    expect(html).not.toMatch(/<svg/i);
  });

  it('removes javascript: hrefs from markdown links, whatever the spelling', () => {
    for (const md of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x]( javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '[x](vbscript:msgbox(1))',
    ]) {
      const html = renderMarkdownSafe(md);
      expect(html, md).not.toMatch(/script:/i);
      expect(html, md).not.toMatch(/href=/i);
      expect(html, md).toContain('x');
    }
  });

  it('drops raw <iframe>, <object>, <embed>, <form> and <style>', () => {
    const html = renderMarkdownSafe(
      '<iframe src="https://evil.test"></iframe><object data="x"></object><embed src="y"><form action="/z"><input></form><style>body{display:none}</style>texto',
    );
    expect(html).not.toMatch(/<(iframe|object|embed|form|input|style)/i);
    expect(html).not.toContain('display:none');
    expect(html).toContain('texto');
  });

  it('drops style attributes and unknown attributes', () => {
    const html = renderMarkdownSafe('<p style="color:red" data-x="1" class="evil">a</p>');
    expect(html).toBe('<p>a</p>');
  });

  it('refuses data: and javascript: image sources', () => {
    const html = renderMarkdownSafe('![a](data:image/png;base64,AAAA) ![b](javascript:alert(1)) <img src="data:image/svg+xml,<svg onload=alert(1)>">');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/data:|javascript:/i);
  });

  it('refuses protocol-relative links', () => {
    expect(renderMarkdownSafe('[x](//evil.test/path)')).toBe('<p><a>x</a></p>');
  });
});

describe('renderMarkdownSafe — normal markdown renders', () => {
  it('renders headings, paragraphs, emphasis and lists', () => {
    const html = renderMarkdownSafe('## Passos\n\nTexto **forte** e *ênfase*.\n\n1. um\n2. dois\n\n- a\n- b');
    expect(html).toContain('<h2>Passos</h2>');
    expect(html).toContain('<strong>forte</strong>');
    expect(html).toContain('<em>ênfase</em>');
    expect(html).toMatch(/<ol>\s*<li>um<\/li>\s*<li>dois<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<ul>\s*<li>a<\/li>/);
  });

  it('keeps ordered lists that do not start at 1', () => {
    expect(renderMarkdownSafe('3. três\n4. quatro')).toContain('<ol start="3">');
  });

  it('renders code blocks escaped, with the language class', () => {
    const html = renderMarkdownSafe('```ts\nconst ok = 1 < 2 && "<b>";\n```\n\nUse `npm test`.');
    expect(html).toContain('<pre><code class="language-ts">');
    expect(html).toContain('1 &lt; 2');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<code>npm test</code>');
  });

  it('renders blockquotes and tables', () => {
    const html = renderMarkdownSafe('> Dica\n\n| Prioridade | Horas |\n|---|--:|\n| Alta | 8 |');
    expect(html).toMatch(/<blockquote>\s*<p>Dica<\/p>\s*<\/blockquote>/);
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Prioridade</th>');
    expect(html).toContain('<td align="right">8</td>');
  });

  it('adds rel="noopener noreferrer" to external links only', () => {
    const html = renderMarkdownSafe('[site](https://exemplo.test/a) [ajuda](/ajuda/abrir-chamado) [mail](mailto:suporte@exemplo.test) [http](http://exemplo.test)');
    expect(html).toContain('<a href="https://exemplo.test/a" rel="noopener noreferrer">site</a>');
    expect(html).toContain('<a href="http://exemplo.test" rel="noopener noreferrer">http</a>');
    expect(html).toContain('<a href="/ajuda/abrir-chamado">ajuda</a>');
    expect(html).toContain('<a href="mailto:suporte@exemplo.test">mail</a>');
  });

  it('ignores a rel supplied by the author', () => {
    expect(renderMarkdownSafe('<a href="/x" rel="opener">x</a>')).toBe('<p><a href="/x">x</a></p>');
    expect(renderMarkdownSafe('<a href="https://e.test" rel="opener">x</a>')).toBe(
      '<p><a href="https://e.test" rel="noopener noreferrer">x</a></p>',
    );
  });

  it('keeps http(s) images', () => {
    expect(renderMarkdownSafe('![tela](https://exemplo.test/tela.png)')).toBe(
      '<p><img src="https://exemplo.test/tela.png" alt="tela" /></p>',
    );
  });

  it('returns an empty string for empty input', () => {
    expect(renderMarkdownSafe('')).toBe('');
  });
});
