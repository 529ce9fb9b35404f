import { describe, expect, it } from 'vitest';
import { LinkifiedText, splitLinks } from './linkify.tsx';

describe('splitLinks', () => {
  it('finds http(s) and www links and leaves sentence punctuation out', () => {
    expect(splitLinks('Veja https://ajuda.exemplo.com.br/artigo?id=3, depois www.youtube.com/watch?v=abc.')).toEqual([
      { kind: 'text', text: 'Veja ' },
      { kind: 'link', text: 'https://ajuda.exemplo.com.br/artigo?id=3', href: 'https://ajuda.exemplo.com.br/artigo?id=3' },
      { kind: 'text', text: ', depois ' },
      { kind: 'link', text: 'www.youtube.com/watch?v=abc', href: 'https://www.youtube.com/watch?v=abc' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps parentheses that belong to the URL and drops those around it', () => {
    const parts = splitLinks('(ver https://pt.wikipedia.org/wiki/TISS_(padrão)) ok');
    expect(parts.find((p) => p.kind === 'link')?.text).toBe('https://pt.wikipedia.org/wiki/TISS_(padrão)');
  });

  it('never links other schemes or credentials', () => {
    expect(splitLinks('javascript:alert(1) data:text/html,x').every((p) => p.kind === 'text')).toBe(true);
    expect(splitLinks('https://user:pw@evil.example/').every((p) => p.kind === 'text')).toBe(true);
  });
});

describe('LinkifiedText', () => {
  it('escapes HTML in the text and in the link', async () => {
    const html = String(await (<div>{LinkifiedText({ text: '<script>alert(1)</script> https://a.example/?q="><img src=x>' })}</div>));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://a.example/?q=" rel="noopener noreferrer nofollow ugc" target="_blank">https://a.example/?q=</a>');
  });
});
