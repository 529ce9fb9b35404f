/** A help-article slug: lowercase letters and digits in groups joined by single hyphens. */
export const ARTICLE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isArticleSlugShape(value: string): boolean {
  return ARTICLE_SLUG_PATTERN.test(value);
}
