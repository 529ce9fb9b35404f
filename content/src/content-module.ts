import { fileURLToPath } from 'node:url';
import { allow, defineModule, forbidden, needLogin, supportReadsBase } from '@painel/core/module';
import { contentHomeRoutes } from './admin/content-home.tsx';
import { previewRoutes } from './admin/preview-routes.tsx';
import { publishRoutes } from './admin/publish-routes.tsx';
import { trackPageRoutes } from './admin/track-page.tsx';
import { versionPageRoutes } from './admin/version-page.tsx';
import { analyticsRoutes } from './analytics/analytics-routes.tsx';
import { baseProgressRoutes } from './analytics/base-progress-routes.tsx';
import { bookingAdminRoutes } from './booking/booking-admin-routes.tsx';
import { bookingRoutes } from './booking/booking-routes.tsx';
import { seedContentDemo } from './demo/content-demo-seed.ts';
import { helpRoutes } from './help/help-routes.tsx';
import { panelHomeSection, panelRoutes } from './panel/panel-routes.tsx';
import { uploadRoutes } from './upload/upload-routes.tsx';

/** Onboarding content: conquistas tracks and versions, the video panel and "Agendar um horário". */
export const contentModule = defineModule({
  id: 'content',
  migrations: { folder: fileURLToPath(new URL('../migrations', import.meta.url)), schema: 'content' },
  permissions: {
    /** The video panel: clinic users working in an active base (admins and support use previews). */
    'content.panel': (actor) => {
      if (!actor.user) return needLogin;
      if (actor.user.kind !== 'clinic_user') return forbidden('O painel de evolução é dos usuários das clínicas.');
      return actor.activeClinic ? allow : forbidden('Escolha uma base clínica para continuar.');
    },
    /** One base's onboarding progress: a support agent inside the base through a grant (read-only). */
    'content.base-progress': (actor) => {
      if (!actor.user) return needLogin;
      return supportReadsBase(actor) ? allow : forbidden('O progresso de uma base é lido pelo suporte dentro da base, com acesso liberado.');
    },
  },
  nav: [
    { label: 'Conteúdos', href: '/conteudos', permission: 'reseller.manage', section: 'admin', order: 40 },
    { label: 'Análise dos conteúdos', href: '/conteudos/analise', permission: 'reseller.admin', section: 'admin', order: 41 },
    { label: 'Agendamentos', href: '/conteudos/agendamentos', permission: 'reseller.manage', section: 'admin', order: 42 },
    { label: 'Progresso da base', href: '/conteudos/progresso-da-base', permission: 'content.base-progress', section: 'clinic', order: 50 },
    { label: 'Central de ajuda', href: '/ajuda', permission: 'authenticated', section: 'main', order: 90 },
  ],
  routes(router, services) {
    contentHomeRoutes(router, services);
    uploadRoutes(router, services);
    trackPageRoutes(router, services);
    versionPageRoutes(router, services);
    previewRoutes(router, services);
    publishRoutes(router, services);
    analyticsRoutes(router, services);
    baseProgressRoutes(router, services);
    bookingAdminRoutes(router, services);
    panelRoutes(router, services);
    bookingRoutes(router, services);
    helpRoutes(router, services);
  },
  setup(services) {
    services.ui.addHomeSection(panelHomeSection);
  },
  seedDemo: seedContentDemo,
  demoSummary: 'trilha padrão publicada, trilha da Singular Demo (publicada + rascunho), progresso do médico',
});
