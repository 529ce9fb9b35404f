import { describe, expect, it } from 'vitest';
import { ARTICLE_SLUG_PATTERN } from './article-slug.ts';
import { getArticle, isKnownArticleSlug, listArticleSlugs, loadDefaultTrackText } from './article-store.ts';

interface Task {
  id: string;
  titulo: string;
  efetuada: boolean;
  identificador_artigo: string;
}
interface Conquista {
  descricao: string;
  bloqueada: boolean;
  notificado: boolean;
  tarefas: Task[];
}

const track = JSON.parse(loadDefaultTrackText()) as { conquistas: Conquista[] };
const tasks = track.conquistas.flatMap((c) => c.tarefas);

function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
}

describe('default track (track.json)', () => {
  it('has only the "conquistas" key and exactly 5 conquistas (etapas)', () => {
    expect(Object.keys(track)).toEqual(['conquistas']);
    expect(track.conquistas).toHaveLength(5);
  });

  it('uses exactly the keys of the conquistas format, with the right types', () => {
    track.conquistas.forEach((c, i) => {
      expect(Object.keys(c).sort(), `conquista ${i}`).toEqual(['bloqueada', 'descricao', 'notificado', 'tarefas']);
      expect(typeof c.descricao).toBe('string');
      expect(c.descricao).toMatch(new RegExp(`^Etapa ${i + 1} — \\S`));
      expect(typeof c.bloqueada).toBe('boolean');
      expect(typeof c.notificado).toBe('boolean');
      for (const t of c.tarefas) {
        expect(Object.keys(t).sort(), t.id).toEqual(['efetuada', 'id', 'identificador_artigo', 'titulo']);
        expect(typeof t.titulo).toBe('string');
        expect(t.titulo.trim()).not.toBe('');
        expect(typeof t.efetuada).toBe('boolean');
      }
    });
  });

  it('opens stage 1 and locks the later stages', () => {
    expect(track.conquistas.map((c) => c.bloqueada)).toEqual([false, true, true, true, true]);
  });

  it('has 3 to 4 tasks per stage', () => {
    for (const c of track.conquistas) {
      expect(c.tarefas.length, c.descricao).toBeGreaterThanOrEqual(3);
      expect(c.tarefas.length, c.descricao).toBeLessThanOrEqual(4);
    }
  });

  it('only the first task of stage 1 may start done', () => {
    const done = tasks.filter((t) => t.efetuada);
    expect(done.every((t) => t === track.conquistas[0]?.tarefas[0])).toBe(true);
  });

  it('has unique lowercase task ids', () => {
    const ids = tasks.map((t) => t.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('references an existing help article from every task (no YouTube links)', () => {
    for (const t of tasks) {
      expect(t.identificador_artigo, t.id).toMatch(ARTICLE_SLUG_PATTERN);
      expect(t.identificador_artigo, t.id).not.toMatch(/youtu/i);
      expect(isKnownArticleSlug(t.identificador_artigo), t.identificador_artigo).toBe(true);
    }
  });

  it('ships one article per task: no orphan articles, no article used twice', () => {
    const used = tasks.map((t) => t.identificador_artigo);
    expect(new Set(used).size).toBe(used.length);
    expect([...used].sort()).toEqual(listArticleSlugs());
  });
});

describe('default help articles', () => {
  const slugs = listArticleSlugs();

  it.each(slugs)('%s has a title and renders to non-empty HTML', (slug) => {
    const article = getArticle(slug);
    expect(article).not.toBeNull();
    expect(article?.slug).toBe(slug);
    expect(article?.title.trim()).not.toBe('');
    expect(article?.html.trim()).not.toBe('');
    expect(article?.html).toMatch(/<ol[ >]/); // numbered steps
  });

  it.each(slugs)('%s is 150–400 words and names no vendor brand', (slug) => {
    const html = getArticle(slug)?.html ?? '';
    const words = plainText(html).split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(400);
    expect(html).not.toMatch(/amplimed/i);
  });
});
