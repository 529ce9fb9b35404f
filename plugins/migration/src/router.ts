/** The plugin's routes under /p/migration, built from explicit dependencies (testable with another key). */
import type { PluginContext, PluginRouter } from '@painel/core/plugin';
import type { RouterDeps } from './http/request.ts';
import { backupRoutes } from './routes/backup-routes.tsx';
import { catalogueRoutes } from './routes/catalogue-routes.tsx';
import { fileRoutes } from './routes/file-routes.tsx';
import { homologationRoutes } from './routes/homologation-routes.tsx';
import { listRoutes } from './routes/list-routes.tsx';
import { messageRoutes } from './routes/message-routes.tsx';
import { newRequestRoutes } from './routes/new-request-routes.tsx';
import { packageRoutes } from './routes/package-routes.tsx';
import { reportRoutes } from './routes/report-routes.tsx';
import { requestRoutes } from './routes/request-routes.tsx';

export type { RouterDeps };

export function createRouter(deps: RouterDeps): (router: PluginRouter, ctx: PluginContext<unknown>) => void {
  return (router, ctx) => {
    const env = { ctx, deps };
    listRoutes(router, env);
    newRequestRoutes(router, env); // '/solicitacoes/nova' before '/solicitacoes/:id'
    requestRoutes(router, env);
    messageRoutes(router, env);
    backupRoutes(router, env);
    fileRoutes(router, env);
    catalogueRoutes(router, env);
    homologationRoutes(router, env);
    reportRoutes(router, env);
    packageRoutes(router, env);
  };
}
