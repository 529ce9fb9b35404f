/**
 * The final version's job: the canonical export package built from the approved version's staged rows —
 * one CSV per entity in the machine format (RFC 4180, UTF-8 without BOM), the entity's fields as columns
 * (the mapping applied), rows in source order — each kept in the plugin's file store with its row count,
 * size and SHA-256 for the manifest. Reads page by page (keyset on the source line), in the base's scope.
 */
import { type Db, type JobRun, keysetPages, machineCsvLines, type PluginContext } from '@painel/core/plugin';
import { and, asc, eq, gt } from 'drizzle-orm';
import { packages, type PackageFileRow, stagedRows, versions } from '../db/schema.ts';
import { ENTITIES, ENTITY_KEYS } from '../prevalidation/entities.ts';

export const PACKAGE_TASK = 'pacote-final';
const PAGE = 2_000;

export interface PackagePayload {
  resellerId: number;
  clinicId: number;
  requestId: number;
  packageId: number;
  versionId: number;
}

export const csvName = (entity: string) => `${entity}.csv`;

export async function buildPackage(run: JobRun<PackagePayload>, ctx: PluginContext<unknown>): Promise<void> {
  const p = run.payload;
  const scope = { kind: 'clinic', resellerId: p.resellerId, clinicId: p.clinicId } as const;
  const counts = await ctx.scoped(scope, async (tx) => {
    const [v] = await tx.select({ counts: versions.counts }).from(versions).where(and(eq(versions.resellerId, p.resellerId), eq(versions.id, p.versionId)));
    return v?.counts ?? {};
  });
  const entities = ENTITY_KEYS.filter((e) => counts[e] !== undefined);
  const files: PackageFileRow[] = [];
  try {
    for (const [i, entity] of entities.entries()) {
      await run.progress((i / Math.max(1, entities.length)) * 100, `Gerando ${csvName(entity)}`);
      const fields = ENTITIES[entity].fields.map((f) => f.key);
      let rows = 0;
      const pages = keysetPages<Db, { line: number; data: Record<string, unknown> }, number>({
        run: (fn) => ctx.scoped(scope, fn),
        page: (tx, after, limit) =>
          tx
            .select({ line: stagedRows.sourceLine, data: stagedRows.data })
            .from(stagedRows)
            .where(and(eq(stagedRows.resellerId, p.resellerId), eq(stagedRows.versionId, p.versionId), eq(stagedRows.entity, entity), after === null ? undefined : gt(stagedRows.sourceLine, after)))
            .orderBy(asc(stagedRows.sourceLine))
            .limit(limit),
        keyOf: (r) => r.line,
        pageSize: PAGE,
      });
      const encoder = new TextEncoder();
      async function* bytes(): AsyncGenerator<Uint8Array> {
        yield encoder.encode(machineCsvLines([fields]));
        for await (const page of pages) {
          run.signal.throwIfAborted();
          rows += page.length;
          yield encoder.encode(machineCsvLines(page.map((r) => fields.map((f) => (r.data[f] === undefined || r.data[f] === null ? '' : String(r.data[f]))))));
        }
      }
      const kept = await ctx.files.put(bytes());
      files.push({ name: csvName(entity), entity, rows, bytes: kept.size, sha256: kept.sha256, fileId: kept.id });
    }
  } catch (error) {
    for (const f of files) await ctx.files.delete(f.fileId);
    await ctx.scoped(scope, (tx) =>
      tx
        .update(packages)
        .set({ state: 'falhou', error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) })
        .where(and(eq(packages.resellerId, p.resellerId), eq(packages.id, p.packageId))),
    );
    throw error;
  }
  await ctx.scoped(scope, async (tx) => {
    await tx.update(packages).set({ state: 'pronto', files, readyAt: ctx.clock.now() }).where(and(eq(packages.resellerId, p.resellerId), eq(packages.id, p.packageId)));
    await ctx.audit.append(
      {
        action: 'migration.package.built',
        resellerId: p.resellerId,
        clinicId: p.clinicId,
        target: `migração #${p.requestId}`,
        details: { package: p.packageId, files: files.length, rows: files.reduce((a, f) => a + f.rows, 0) },
      },
      tx,
    );
  });
  await run.progress(100, `Pacote pronto: ${files.length} arquivo(s)`);
}
