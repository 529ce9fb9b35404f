import { fileURLToPath } from 'node:url';
import { defineModule } from '@painel/core/module';
import { seedSupportAccessDemo } from './demo/demo-seed.ts';
import { exportRoute } from './gestor/export-route.ts';
import { grantRoutes } from './gestor/grant-routes.tsx';
import { requestDecisionRoutes } from './gestor/request-decision-routes.ts';
import { m } from './messages.ts';
import { askRoutes } from './requests/ask-routes.tsx';
import { supportEndedGate } from './support/ended-gate.tsx';
import { lookupSupportGrant } from './support/grant-lookup.ts';
import { supportRequestObserver } from './support/request-observer.ts';
import { supportBanner } from './support/support-banner.tsx';
import { supportAccessPort } from './port/support-access-port.ts';
import { supportRoutes } from './support/support-routes.tsx';

/**
 * Support access grants (SPEC §5, LGPD): a base's gestor grants the vendor's support team time-limited
 * access (1 hora … 7 dias), sees and revokes it, and reads every request support made inside the base.
 * Support agents see only bases with an active grant; the prontuário (ehr) stays closed, always.
 */
export const supportAccessModule = defineModule({
  id: 'support-access',
  migrations: { folder: fileURLToPath(new URL('./migrations', import.meta.url)), schema: 'support_access' },
  nav: [
    { label: m('nav.grant'), href: '/acesso-suporte', permission: 'clinic.gestor', section: 'user', order: 10 },
    { label: m('nav.bases'), href: '/suporte/bases', permission: 'support.agent', section: 'main', order: 20 },
    { label: m('nav.request'), href: '/suporte/solicitar', permission: 'support.agent', section: 'main', order: 21 },
  ],
  setup(services) {
    services.actorHooks.supportGrant = lookupSupportGrant;
    services.supportAccess.port = supportAccessPort(services);
    services.ui.addBanner(supportBanner);
    services.requests.addGate(supportEndedGate(services));
    services.requests.addObserver(supportRequestObserver(services));
  },
  routes(router, services) {
    grantRoutes(router, services);
    exportRoute(router, services);
    requestDecisionRoutes(router, services);
    supportRoutes(router, services);
    askRoutes(router, services);
  },
  seedDemo: seedSupportAccessDemo,
  demoSummary: 'acesso suporte ativo na Clínica Demo Centro, com 6 solicitações registradas',
});
