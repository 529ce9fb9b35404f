import type { CoreServices } from './services.ts';
import type { ScreenRouter } from '../http/screen-router.ts';
import { PageHeader } from '../ui/components.tsx';
import { greetingName } from '../ui/greeting-name.ts';
import { t } from '../ui/messages.ts';
import { navFor, renderPage } from '../ui/render.tsx';

/** "Início": a greeting plus the sections modules contribute (video panel, shortcuts…). */
export function homeRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/', { permission: 'authenticated', dataClass: 'general', screen: 'Início' }, async (c) => {
    const actor = c.get('actor');
    const sections = (await Promise.all(services.ui.homeSections.map((s) => s(c)))).filter((s) => s !== null && s !== undefined);
    const base = actor.activeClinic;
    const shortcuts = navFor(c).filter((n) => n.href !== '/' && n.section !== 'user');
    return renderPage(c, {
      title: t('home.title'),
      body: (
        <>
          <PageHeader
            title={t('home.welcome', { name: greetingName(actor.user!.name) })}
            subtitle={base ? `${base.name} · id da base ${base.clinicId} · ${base.resellerName}` : t(`role.${actor.user!.kind}`)}
          />
          {sections}
          {shortcuts.length > 0 && (
            <section aria-labelledby="atalhos">
              <h2 id="atalhos">Atalhos</h2>
              <div class="grid-cards">
                {shortcuts.map((s) => (
                  <a class="stat shortcut" href={s.href}>
                    {s.label}
                  </a>
                ))}
              </div>
            </section>
          )}
        </>
      ),
    });
  });
}
