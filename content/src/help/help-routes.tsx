import { type CoreServices, HttpError, PageHeader, renderPage, type ScreenRouter } from '@painel/core/module';
import { getArticle, listArticleSlugs } from '../articles/index.ts';

const meta = { permission: 'authenticated', dataClass: 'general', screen: 'Central de ajuda' } as const;

/** The help articles shipped in `content/` (the default track's "Ler artigo" links). */
export function helpRoutes(router: ScreenRouter, _services: CoreServices): void {
  router.get('/ajuda', meta, async (c) => {
    const articles = listArticleSlugs()
      .map((slug) => getArticle(slug)!)
      .sort((a, b) => a.title.localeCompare(b.title, 'pt-BR'));
    return renderPage(c, {
      title: 'Central de ajuda',
      body: (
        <>
          <PageHeader title="Central de ajuda" subtitle="Artigos curtos sobre o Painel Singular." />
          <ul class="article-list card">
            {articles.map((a) => (
              <li>
                <a href={`/ajuda/${a.slug}`}>{a.title}</a>
              </li>
            ))}
          </ul>
        </>
      ),
    });
  });

  router.get('/ajuda/:slug', meta, async (c) => {
    const article = getArticle(c.req.param('slug') ?? '');
    if (!article) throw new HttpError(404);
    return renderPage(c, {
      title: article.title,
      body: (
        <>
          <nav aria-label="Trilha de navegação" class="breadcrumb">
            <a href="/ajuda">Central de ajuda</a> › <span aria-current="page">{article.title}</span>
          </nav>
          <article class="card help-article" data-testid="help-article">
            <h1>{article.title}</h1>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: getArticle returns sanitised HTML. */}
            <div class="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
          </article>
          <p>
            <a href="/" role="button" class="secondary outline">
              ← Voltar ao início
            </a>
          </p>
        </>
      ),
    });
  });
}
