/**
 * The job that loads a validation version (core's durable queue, progress at /tarefas/:id), and how a
 * version is started: version N+1 in 'carregando', then the job. A failed load marks the version
 * 'falhou' with the reason and drops whatever it had staged; nothing retries it (a new version does).
 */
import type { JobRun, PluginContext } from '@painel/core/plugin';
import { formatNumber } from '@painel/core/plugin';
import { loadVersion } from './load-version.ts';
import type { VersionKey } from './staged-input.ts';
import type { VersionSource } from './version-source.ts';
import { createVersion, dropStaging, failVersion, keyOf, setVersionJob, type VersionRow } from './version-store.ts';

export const LOAD_TASK = 'carregar-versao';

/** A load of a million rows takes minutes; two hours bounds a stuck one. */
export const loadTaskOptions = { retries: 0, timeoutMs: 2 * 60 * 60 * 1000 } as const;

export function loadTask(source: () => VersionSource) {
  return async (run: JobRun<VersionKey & { number?: number }>, ctx: PluginContext<unknown>): Promise<void> => {
    const key = run.payload;
    await run.progress(0, 'Preparando a carga da versão de validação');
    try {
      const rows = await source()(ctx, key);
      const { counts } = await loadVersion(ctx, key, rows, { progress: (p, m) => run.progress(p, m), signal: run.signal });
      const staged = Object.values(counts).reduce((a, c) => a + (c?.staged ?? 0), 0);
      const rejected = Object.values(counts).reduce((a, c) => a + (c?.rejected ?? 0), 0);
      await ctx.audit.append({
        action: 'migration.version.loaded',
        resellerId: key.resellerId,
        clinicId: key.clinicId,
        target: `migração #${key.requestId}`,
        details: { version: key.number ?? key.versionId, stagedRows: staged, rejectedRows: rejected },
      });
      if (staged === 0) await run.progress(100, 'Nenhuma linha válida de arquivos confirmados para carregar');
      else await run.progress(100, `Versão carregada: ${formatNumber(staged)} linhas, ${formatNumber(rejected)} recusadas`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await ctx.platformScoped('Desfaz a carga com falha de uma versão de validação', async (tx) => {
        await dropStaging(tx, key);
        await failVersion(tx, key, reason.slice(0, 2000));
      });
      await ctx.audit.append({
        action: 'migration.version.failed',
        outcome: 'denied',
        resellerId: key.resellerId,
        clinicId: key.clinicId,
        target: `migração #${key.requestId}`,
        details: { version: key.number ?? key.versionId, error: reason.slice(0, 500) },
      });
      throw error;
    }
  };
}

/**
 * Starts version N+1 of a request: the version row (its own transaction, committed before the job can
 * read it), then the load job, whose id the version keeps for its progress.
 */
export async function startVersion(
  ctx: PluginContext<unknown>,
  request: { resellerId: number; clinicId: number; id: number },
  by: { userId: number | null; name: string },
): Promise<VersionRow & { jobId: string }> {
  const scope = { kind: 'clinic', resellerId: request.resellerId, clinicId: request.clinicId } as const;
  const version = await ctx.scoped(scope, (tx) => createVersion(tx, request, by, ctx.clock.now()));
  const key = keyOf(version);
  const jobId = await ctx.jobs.enqueue(LOAD_TASK, { ...key, number: version.number }, { resellerId: key.resellerId, clinicId: key.clinicId, userId: by.userId, ...loadTaskOptions });
  await ctx.scoped(scope, (tx) => setVersionJob(tx, key, jobId));
  return { ...version, jobId };
}
