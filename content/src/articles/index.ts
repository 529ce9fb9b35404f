export { ARTICLE_SLUG_PATTERN, isArticleSlugShape } from './article-slug.ts';
export {
  type ArticleStore,
  createArticleStore,
  getArticle,
  isKnownArticleSlug,
  listArticleSlugs,
  loadDefaultTrackText,
} from './article-store.ts';
export type { HelpArticle } from './parse-article.ts';
export { renderMarkdownSafe } from './render-markdown.ts';
