import { readdirSync, readFileSync } from 'node:fs';
import { isArticleSlugShape } from './article-slug.ts';
import { type HelpArticle, parseArticle } from './parse-article.ts';

const DEFAULT_TRACK_DIR = new URL('../../default-track/', import.meta.url);
const DEFAULT_ARTICLES_DIR = new URL('articles/', DEFAULT_TRACK_DIR);
const DEFAULT_TRACK_FILE = new URL('track.json', DEFAULT_TRACK_DIR);

export interface ArticleStore {
  listArticleSlugs(): string[];
  isKnownArticleSlug(slug: string): boolean;
  getArticle(slug: string): HelpArticle | null;
}

/** Reads every `<slug>.md` of a folder once (on first use) and serves the parsed articles from memory. */
export function createArticleStore(dir: URL): ArticleStore {
  const folder = dir.pathname.endsWith('/') ? dir : new URL(`${dir.href}/`);
  let cache: ReadonlyMap<string, HelpArticle> | undefined;
  const articles = (): ReadonlyMap<string, HelpArticle> => {
    cache ??= loadArticles(folder);
    return cache;
  };
  return {
    listArticleSlugs: () => [...articles().keys()],
    isKnownArticleSlug: (slug) => typeof slug === 'string' && articles().has(slug),
    getArticle: (slug) => articles().get(slug) ?? null,
  };
}

function loadArticles(dir: URL): ReadonlyMap<string, HelpArticle> {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  const map = new Map<string, HelpArticle>();
  for (const file of files) {
    const slug = file.slice(0, -'.md'.length);
    if (!isArticleSlugShape(slug)) {
      throw new Error(`Help article file "${file}" is not named after a valid slug ([a-z0-9-]).`);
    }
    map.set(slug, parseArticle(slug, readFileSync(new URL(file, dir), 'utf8')));
  }
  return map;
}

const defaultStore = createArticleStore(DEFAULT_ARTICLES_DIR);

/** Slugs of the help articles shipped with the platform, sorted. */
export function listArticleSlugs(): string[] {
  return defaultStore.listArticleSlugs();
}

export function isKnownArticleSlug(slug: string): boolean {
  return defaultStore.isKnownArticleSlug(slug);
}

export function getArticle(slug: string): HelpArticle | null {
  return defaultStore.getArticle(slug);
}

let trackText: string | undefined;

/** The raw text of the platform's default track (`content/default-track/track.json`), read once. */
export function loadDefaultTrackText(): string {
  trackText ??= readFileSync(DEFAULT_TRACK_FILE, 'utf8');
  return trackText;
}
