import { fileURLToPath } from 'node:url';
import { definePlugin, type PluginContext } from '@painel/core/plugin';
import { count, sql } from 'drizzle-orm';
import { countSlowly } from './count-slowly.ts';
import { fixtureJobRoutes } from './job-routes.tsx';
import { noteCreated } from './events.ts';
import { canView, canWrite } from './permissions.ts';
import { probe } from './probe.ts';
import { fixtureRoutes } from './routes.tsx';
import { fixtureSlots } from './slots.tsx';
import { eventLog, jobTicks, notes } from './schema.ts';
import { type FixtureSettings, fixtureSettings } from './settings.ts';

/** Test-only plugin exercising every part of the contract. */
export default definePlugin({
  id: 'fixture-plugin',
  version: '1.2.3',
  displayName: 'Notas (plugin de teste)',
  description: 'Plugin de teste: notas por base, eventos, uma tarefa periódica, uma tarefa com progresso e carga em massa.',
  requires: { core: '^1.0.0' },
  migrations: { folder: fileURLToPath(new URL('../migrations', import.meta.url)) },
  settings: fixtureSettings,
  register(r) {
    probe.registrar = r;
    r.permission('fixture-plugin:view', canView);
    r.permission('fixture-plugin:write', canWrite);
    r.routes(fixtureRoutes);
    r.routes(fixtureJobRoutes);
    r.nav({ label: 'Notas (fixture)', path: '/', permission: 'fixture-plugin:view', section: 'clinic', order: 50 });
    fixtureSlots(r);
    r.event(noteCreated);
    const record = (event: string) => async (payload: { resellerId: number; clinicId: number }, ctx: PluginContext<FixtureSettings>) => {
      await ctx.scoped({ kind: 'reseller', resellerId: payload.resellerId }, (tx) =>
        tx.insert(eventLog).values({ resellerId: payload.resellerId, event, clinicId: payload.clinicId, receivedAt: ctx.clock.now() }),
      );
    };
    r.on('clinic.created', record('clinic.created'));
    r.on('grant.started', record('grant.started'));
    r.job('count-notes', { everyMinutes: 5 }, async (ctx, run) => {
      await ctx.platformScoped('contar as notas de todas as bases', async (tx) => {
        const [row] = await tx.select({ n: count() }).from(notes);
        await tx.insert(jobTicks).values({ slot: run.startedAt, notes: Number(row?.n ?? 0) });
      });
    });
    r.task('count-slowly', countSlowly, { timeoutMs: 60_000, retries: 2, backoffMs: 1_000 });
  },
  async start(ctx) {
    await ctx.platformScoped('verificar o schema do plugin na partida', (tx) => tx.execute(sql`select 1 from fixture_plugin.notes limit 1`));
    probe.starts++;
    ctx.log.info('fixture started');
  },
  stop() {
    probe.stops++;
  },
});
