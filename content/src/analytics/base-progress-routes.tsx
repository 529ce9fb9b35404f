import { type CoreServices, EmptyState, PageHeader, renderPage, type ScreenRouter } from '@painel/core/module';
import { AnalyticsBody, analyseFor, TrackPicker } from './analytics-routes.tsx';

const meta = { permission: 'content.base-progress', dataClass: 'general', screen: 'Progresso da base' } as const;

/**
 * The onboarding progress of ONE base, read by a support agent inside it through a grant (SPEC §3): the
 * same analytics as the singular's, computed in the agent's clinic scope, so row-level security limits
 * every count to that base. Read-only.
 */
export function baseProgressRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/conteudos/progresso-da-base', meta, async (c) => {
    const base = c.get('actor').activeClinic!;
    const s = await analyseFor(c, services, base.resellerId);
    return renderPage(c, {
      title: 'Progresso da base',
      body: (
        <>
          <PageHeader title="Progresso da base" subtitle={`Quanto os usuários da base ${base.name} (id ${base.clinicId}) avançam em cada trilha.`} />
          <TrackPicker action="/conteudos/progresso-da-base" options={s.options} slug={s.slug} />
          {!s.data ? (
            <EmptyState>Esta trilha não está publicada nesta base: não há dados de progresso.</EmptyState>
          ) : (
            <AnalyticsBody name={s.name} version={s.version!} data={s.data} />
          )}
        </>
      ),
    });
  });
}
