import { describe, expect, it } from 'vitest';
import { resolveTaskLink } from './resolve-task-link.ts';

const knownSlugs = (slug: string) => slug === 'primeiros-passos';

describe('resolveTaskLink', () => {
  it('resolves YouTube links to the video id', () => {
    expect(resolveTaskLink(' https://youtu.be/dQw4w9WgXcQ?si=x ', knownSlugs)).toEqual({
      ok: true,
      link: { kind: 'youtube', videoId: 'dQw4w9WgXcQ' },
    });
  });

  it('resolves known help-article slugs', () => {
    expect(resolveTaskLink('primeiros-passos', knownSlugs)).toEqual({ ok: true, link: { kind: 'article', slug: 'primeiros-passos' } });
  });

  it.each(['INSERIR LINK DO YOUTUBE', '  inserir link do youtube ', 'Inserir  Link do YouTube'])(
    'gives the placeholder %j its own message',
    (value) => {
      const resolved = resolveTaskLink(value, knownSlugs);
      expect(resolved).toMatchObject({ ok: false, key: 'link.placeholder' });
      expect(!resolved.ok && resolved.message).toMatch(/^Substitua o texto INSERIR LINK DO YOUTUBE pelo link do vídeo no YouTube/);
    },
  );

  it.each([
    ['an unknown slug', 'artigo-inexistente', 'Não existe artigo'],
    ['another site', 'https://vimeo.com/1', 'não é de um vídeo do YouTube'],
    ['a YouTube page that is not a video', 'https://www.youtube.com/@canal', 'não leva a um vídeo'],
  ])('refuses %s with a message that says why', (_, value, message) => {
    const resolved = resolveTaskLink(value, knownSlugs);
    expect(resolved).toMatchObject({ ok: false, key: 'link.invalid' });
    expect(!resolved.ok && resolved.message).toContain(message);
  });

  it('treats a failing slug lookup as unknown', () => {
    const throwing = () => {
      throw new Error('store offline');
    };
    expect(resolveTaskLink('primeiros-passos', throwing)).toMatchObject({ ok: false, key: 'link.invalid' });
  });

  it('does not ask the slug lookup about YouTube links or the placeholder', () => {
    const asked: string[] = [];
    const spy = (slug: string) => {
      asked.push(slug);
      return true;
    };
    resolveTaskLink('https://youtu.be/dQw4w9WgXcQ', spy);
    resolveTaskLink('INSERIR LINK DO YOUTUBE', spy);
    expect(asked).toEqual([]);
  });
});
