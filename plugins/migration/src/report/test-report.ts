/**
 * Everything a version's test report shows, read in one transaction: the counts against the staging
 * (and against the previous version), the mirror test's samples with their side-by-side comparison and
 * verdicts, and what still keeps the version from being approved.
 */
import type { Db, PluginContext } from '@painel/core/plugin';
import { and, desc, eq, lt } from 'drizzle-orm';
import { versions } from '../db/schema.ts';
import { EHR_ENTITIES } from '../versions/version-states.ts';
import type { VersionRow } from '../versions/version-store.ts';
import { ENTITY_KEYS, type EntityKey } from '../prevalidation/entities.ts';
import type { RequestRow } from '../store/request-store.ts';
import { compareRecord, type FieldComparison } from './compare.ts';
import { type CountRow, countRows } from './counts.ts';
import { type ReviewRow, reviewKey, reviewsOf } from './review-store.ts';
import { chosenRecords, type Sample, samplesOf, stagedCounts } from './samples.ts';

export const isEhrEntity = (e: EntityKey): boolean => (EHR_ENTITIES as readonly string[]).includes(e);

export interface ReviewedSample extends Sample {
  fields: FieldComparison[];
  review: ReviewRow | null;
}

export interface TestReport {
  version: VersionRow;
  previous: VersionRow | null;
  counts: CountRow[];
  /** The samples of the requested side: personal entities, or the EHR ones. */
  samples: ReviewedSample[];
  /** Over every sample, EHR included (counts only, nothing of their content). */
  totals: { samples: number; reviewed: number; diverge: number; ehrSamples: number };
  /** Why the version cannot be approved now (pt-BR), empty when it can. */
  blockers: string[];
}

export async function versionOf(tx: Db, r: Pick<RequestRow, 'resellerId' | 'id'>, number: number): Promise<VersionRow | null> {
  const [row] = await tx.select().from(versions).where(and(eq(versions.resellerId, r.resellerId), eq(versions.requestId, r.id), eq(versions.number, number))).limit(1);
  return row ?? null;
}

export async function latestVersionOf(tx: Db, r: Pick<RequestRow, 'resellerId' | 'id'>): Promise<VersionRow | null> {
  const [row] = await tx.select().from(versions).where(and(eq(versions.resellerId, r.resellerId), eq(versions.requestId, r.id))).orderBy(desc(versions.number)).limit(1);
  return row ?? null;
}

/**
 * The report. Staged counts and samples are read in the base's own scope (no user), so that the counts
 * of EHR entities are right for every reader; only the `ehr` side's content leaves this function for the
 * EHR screen, which core's data-class gate keeps to the base's clinical roles.
 */
export async function testReport(ctx: PluginContext<unknown>, tx: Db, r: RequestRow, v: VersionRow, side: 'personal' | 'ehr'): Promise<TestReport> {
  const base = { kind: 'clinic', resellerId: r.resellerId, clinicId: r.clinicId } as const;
  const [previous] = await tx
    .select()
    .from(versions)
    .where(and(eq(versions.resellerId, r.resellerId), eq(versions.requestId, r.id), lt(versions.number, v.number)))
    .orderBy(desc(versions.number))
    .limit(1);
  const { inStaging, previousInStaging, all, reviews } = await ctx.scoped(base, async (btx) => ({
    inStaging: await stagedCounts(btx, v),
    previousInStaging: previous && previous.state !== 'expirada' ? await stagedCounts(btx, previous) : null,
    all: await samplesOf(btx, v, ENTITY_KEYS.filter((e) => v.counts[e] !== undefined), chosenRecords(r.testPlan?.mirrorRecords)),
    reviews: await reviewsOf(btx, v),
  }));
  const counts = countRows(v.counts, inStaging, previous ? { counts: previous.counts, inStaging: previousInStaging ?? Object.fromEntries(Object.entries(previous.counts).map(([e, c]) => [e, c?.staged ?? 0])) } : null);
  const reviewOf = (s: Sample) => reviews.get(reviewKey(s.entity, s.sourceLine)) ?? null;
  const samples = all
    .filter((s) => isEhrEntity(s.entity) === (side === 'ehr'))
    .map((s) => ({ ...s, fields: compareRecord(s.entity, s.source, s.data), review: reviewOf(s) }));
  const reviewed = all.filter((s) => reviewOf(s) !== null).length;
  const diverge = all.filter((s) => reviewOf(s)?.verdict === 'diverge').length;
  const totals = { samples: all.length, reviewed, diverge, ehrSamples: all.filter((s) => isEhrEntity(s.entity)).length };
  const blockers: string[] = [];
  if (v.state !== 'aberta') blockers.push('A versão não está aberta para validação.');
  if (counts.some((c) => c.problems.length > 0)) blockers.push('As contagens não conferem: a equipe de migração precisa corrigir a carga.');
  if (reviewed < all.length) blockers.push(`Faltam ${all.length - reviewed} de ${all.length} amostras do teste espelho para marcar.`);
  if (diverge > 0) blockers.push(`${diverge} amostra(s) marcada(s) como "diverge": a próxima versão corrige.`);
  return { version: v, previous: previous ?? null, counts, samples, totals, blockers };
}
