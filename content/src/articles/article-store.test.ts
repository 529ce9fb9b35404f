import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createArticleStore,
  getArticle,
  isKnownArticleSlug,
  listArticleSlugs,
  loadDefaultTrackText,
} from './article-store.ts';

const tempDirs: string[] = [];
function tempFolder(files: Record<string, string>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return pathToFileURL(dir); // no trailing slash on purpose
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createArticleStore', () => {
  it('loads every <slug>.md of the folder, sorted, ignoring other files', () => {
    const store = createArticleStore(
      tempFolder({ 'b-dois.md': '# B\n\nTexto b', 'a-um.md': '# A\n\nTexto a', 'notas.txt': 'x' }),
    );
    expect(store.listArticleSlugs()).toEqual(['a-um', 'b-dois']);
    expect(store.getArticle('a-um')).toEqual({ slug: 'a-um', title: 'A', html: '<p>Texto a</p>' });
  });

  it('answers unknown slugs with false / null', () => {
    const store = createArticleStore(tempFolder({ 'a.md': '# A\n\nTexto' }));
    for (const slug of ['b', '', 'A', '../a', 'a.md', 'constructor', '__proto__']) {
      expect(store.isKnownArticleSlug(slug), slug).toBe(false);
      expect(store.getArticle(slug), slug).toBeNull();
    }
    expect(store.isKnownArticleSlug('a')).toBe(true);
  });

  it('reads the folder once and serves later calls from the cache', () => {
    const folder = tempFolder({ 'a.md': '# A\n\nTexto' });
    const store = createArticleStore(folder);
    const first = store.getArticle('a');
    writeFileSync(new URL('b.md', `${folder.href}/`), '# B\n\nTexto');
    expect(store.listArticleSlugs()).toEqual(['a']);
    expect(store.getArticle('a')).toBe(first);
  });

  it('fails loudly on a file not named after a valid slug', () => {
    const store = createArticleStore(tempFolder({ 'Com Espaço.md': '# A\n\nTexto' }));
    expect(() => store.listArticleSlugs()).toThrow(/valid slug/);
  });

  it('fails loudly on an article without a title', () => {
    const store = createArticleStore(tempFolder({ 'a.md': 'Sem título' }));
    expect(() => store.getArticle('a')).toThrow(/# Title/);
  });

  it('returns a fresh array from listArticleSlugs', () => {
    const store = createArticleStore(tempFolder({ 'a.md': '# A\n\nTexto' }));
    store.listArticleSlugs().push('intrusa');
    expect(store.listArticleSlugs()).toEqual(['a']);
  });
});

describe('default store', () => {
  it('serves the articles shipped in content/default-track/articles', () => {
    const slugs = listArticleSlugs();
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).toContain('alterar-clinica');
    expect(isKnownArticleSlug('alterar-clinica')).toBe(true);
    expect(getArticle('alterar-clinica')?.title).toBe('Trocar de base clínica (Alterar Clínica)');
    expect(getArticle('nao-existe')).toBeNull();
  });

  it('returns the raw track.json text', () => {
    const text = loadDefaultTrackText();
    expect(text.trimStart().startsWith('{')).toBe(true);
    expect(text).toContain('"conquistas"');
    expect(loadDefaultTrackText()).toBe(text);
  });
});
