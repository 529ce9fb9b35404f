/**
 * The migration plugin ("Migração de dados", SPEC §8, seeds 000, 002, 004), wired: permissions, routes,
 * navigation and demo data. Built only on @painel/core/plugin.
 */
import { fileURLToPath } from 'node:url';
import { definePlugin } from '@painel/core/plugin';
import { buildPackage, PACKAGE_TASK } from './export/build-package.ts';
import './domain/audit-labels.ts';
import { seedMigrationDemo } from './demo/demo-seed.ts';
import { notifyOverdue } from './jobs/overdue-notices.ts';
import { runRetention } from './jobs/retention.ts';
import { PREVALIDATE, type PrevalidatePayload, prevalidate } from './files/prevalidate-job.ts';
import { seedHomologationDemo } from './demo/homologation-demo.ts';
import { P, permissionRules } from './permissions.ts';
import { createRouter, type RouterDeps } from './router.ts';
import { secretBoxFromEnv } from './secrets/secret-box.ts';
import { EXPIRY_JOB, EXPIRY_SCHEDULE, expireVersions } from './versions/expiry-job.ts';
import { LOAD_TASK, loadTask, loadTaskOptions } from './versions/load-job.ts';
import { confirmedFilesSource } from './versions/version-source.ts';

export function createMigrationPlugin(deps: RouterDeps) {
  return definePlugin({
    id: 'migration',
    version: '1.0.0',
    displayName: 'Migração de dados',
    description: 'Solicitações de migração de dados das bases clínicas, com etapas, prazos em dias úteis, checagem de TI do backup e plano de testes.',
    requires: { core: '^1.0.0' },
    migrations: { folder: fileURLToPath(new URL('../migrations', import.meta.url)) },
    register(r) {
      for (const [name, rule] of permissionRules) r.permission(name, rule);
      r.routes(createRouter(deps));
      r.task<PrevalidatePayload>(PREVALIDATE, prevalidate, { timeoutMs: 60 * 60_000, retries: 1, backoffMs: 30_000 });
      r.nav({ label: 'Migração de dados', path: '/solicitacoes', permission: P.requests, section: 'main', order: 30 });
      r.nav({ label: 'Risco de atraso na migração', path: '/risco', permission: P.risk, section: 'main', order: 31 });
      r.nav({ label: 'Homologação da migração', path: '/homologacao', permission: P.homologation, section: 'main', order: 32 });
      r.task(PACKAGE_TASK, buildPackage, { retries: 0, timeoutMs: 2 * 60 * 60 * 1000 });
      r.task(LOAD_TASK, loadTask(() => deps.versionSource ?? confirmedFilesSource), loadTaskOptions);
      r.job(EXPIRY_JOB, EXPIRY_SCHEDULE, async (ctx) => {
        await expireVersions(ctx);
      });
      r.nav({ label: 'Sistemas legados', path: '/sistemas', permission: P.team, section: 'admin', order: 50 });
      // Hourly: whoever acts next hears once that a deadline passed (most deadlines end at 23:59).
      r.job('deadline-notices', { everyMinutes: 60 }, async (ctx) => {
        await notifyOverdue(ctx);
      });
      // Nightly, Brasília time: the notice 3 days before, then the deletion 14 days after closing.
      r.job(
        'retention',
        { dailyAt: '03:15', timeZone: 'America/Sao_Paulo' },
        async (ctx) => {
          await runRetention(ctx);
        },
        { retries: 2, backoffMs: 10 * 60_000 },
      );
    },
    async start(ctx) {
      if (deps.box.development) ctx.log.warn('MIGRATION_SECRET_KEY ausente: senhas de backup cifradas com a chave de desenvolvimento (recusada em produção).');
      await seedMigrationDemo(ctx, deps);
      await seedHomologationDemo(ctx);
    },
  });
}

/**
 * The plugin as the app loads it: the key comes from MIGRATION_SECRET_KEY, checked when the package is
 * loaded, so that a production start without it stops with one pt-BR line.
 */
export const migrationPlugin = createMigrationPlugin({ box: secretBoxFromEnv(process.env) });
