/**
 * Loads a validation version: per entity, the valid rows go through core's bulk load (`ctx.copyInto`:
 * COPY → staging → insert under row-level security on PostgreSQL, unnest batches on PGlite) into the one
 * staging table, in the base's scope, in chunks of one transaction each, so memory stays flat and the
 * job reports progress between chunks. Rows the gate refuses are kept with their reason. When every
 * entity is in, the version opens (counts per entity). A failure leaves the version in 'carregando' for
 * the caller (the job) to mark as failed and clean.
 */
import { formatNumber, type PluginContext } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { stagedRows, type VersionCount, versionRejects, versions } from '../db/schema.ts';
import { ENTITIES, type EntityKey } from '../domain/vocabulary.ts';
import { type Refused, RowGate } from './row-gate.ts';
import type { StagedInput, StagedRows, VersionKey, VersionRows } from './staged-input.ts';

export const STAGED_COLUMNS = ['reseller_id', 'clinic_id', 'request_id', 'version_id', 'entity', 'source_line', 'source', 'data'] as const;

export type LoaderContext = Pick<PluginContext<unknown>, 'scoped' | 'copyInto' | 'clock'>;

export interface LoadOptions {
  /** Input rows per transaction (default 100,000). */
  chunkRows?: number;
  /** Rows per bulk-load batch inside a chunk (core's default when absent). */
  batchRows?: number;
  progress?: (percent: number, message: string) => Promise<void>;
  signal?: AbortSignal;
}

export interface LoadResult {
  counts: Partial<Record<EntityKey, VersionCount>>;
}

function iteratorOf(rows: StagedRows): AsyncIterator<StagedInput> | Iterator<StagedInput> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

export async function loadVersion(ctx: LoaderContext, key: VersionKey, input: VersionRows, options: LoadOptions = {}): Promise<LoadResult> {
  const chunkRows = options.chunkRows ?? input.chunkRows ?? 100_000;
  const scope = { kind: 'clinic', resellerId: key.resellerId, clinicId: key.clinicId } as const;
  const expectedTotal = Object.values(input.expected ?? {}).reduce((a, b) => a + (b ?? 0), 0);
  const counts: Partial<Record<EntityKey, VersionCount>> = {};
  const entries = Object.entries(input.entities) as Array<[EntityKey, StagedRows]>;
  let seen = 0;
  for (const [index, [entity, rows]] of entries.entries()) {
    const gate = new RowGate();
    const iterator = iteratorOf(rows);
    const source = input.sourceRows?.[entity];
    const count: VersionCount = { ...(source !== undefined ? { source } : {}), valid: 0, staged: 0, rejected: 0 };
    counts[entity] = count;
    let exhausted = false;
    while (!exhausted) {
      options.signal?.throwIfAborted();
      const refused: Refused[] = [];
      let taken = 0;
      async function* chunk(): AsyncGenerator<unknown[]> {
        while (taken < chunkRows) {
          const next = await iterator.next();
          if (next.done) {
            exhausted = true;
            return;
          }
          taken++;
          const checked = gate.check(next.value);
          if (checked.ok) yield [key.resellerId, key.clinicId, key.requestId, key.versionId, entity, checked.line, checked.source, checked.data];
          else refused.push(checked);
        }
      }
      const staged = await ctx.scoped(scope, async (tx) => {
        const n = await ctx.copyInto(tx, stagedRows, STAGED_COLUMNS, chunk(), options.batchRows ? { batchRows: options.batchRows } : {});
        if (refused.length > 0) {
          await tx.insert(versionRejects).values(
            refused.map((r) => ({ ...key, entity, sourceLine: r.line, reason: r.reason, source: r.source })),
          );
        }
        return n;
      });
      count.valid += taken;
      count.staged += staged;
      count.rejected += refused.length;
      seen += taken;
      const percent = expectedTotal > 0 ? (Math.min(seen, expectedTotal) / expectedTotal) * 99 : ((index + (exhausted ? 1 : 0.5)) / entries.length) * 99;
      await options.progress?.(percent, `${ENTITIES[entity].label}: ${formatNumber(count.staged)} linhas carregadas`);
    }
  }
  await ctx.scoped(scope, (tx) =>
    tx
      .update(versions)
      .set({ state: 'aberta', counts, loadedAt: ctx.clock.now() })
      .where(and(eq(versions.resellerId, key.resellerId), eq(versions.id, key.versionId), eq(versions.state, 'carregando'))),
  );
  await options.progress?.(100, 'Versão de validação carregada');
  return { counts };
}
