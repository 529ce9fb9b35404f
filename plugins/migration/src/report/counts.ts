/**
 * The counts of a version's test report, per entity: rows in the source file, valid rows offered to the
 * load, rows the load recorded as staged, rows actually in the staging, rows the load refused. They must
 * agree — every valid row staged or refused with a reason, the staging holding what the load recorded —
 * and a disagreement is flagged. Against the previous version, the difference of each count.
 */
import type { VersionCount } from '../db/schema.ts';
import { ENTITY_KEYS, type EntityKey } from '../prevalidation/entities.ts';

export interface CountRow {
  entity: EntityKey;
  source: number | null;
  valid: number;
  staged: number;
  inStaging: number;
  rejected: number;
  /** pt-BR reasons the counts disagree; empty when they agree. */
  problems: string[];
  /** Versus the previous version (null for version 1 or an entity it did not have). */
  diff: { valid: number; inStaging: number; rejected: number } | null;
}

type Counts = Partial<Record<EntityKey, VersionCount>>;

export function countRows(counts: Counts, inStaging: Partial<Record<EntityKey, number>>, previous: { counts: Counts; inStaging: Partial<Record<EntityKey, number>> } | null): CountRow[] {
  const entities = ENTITY_KEYS.filter((e) => counts[e] !== undefined || (inStaging[e] ?? 0) > 0);
  return entities.map((entity) => {
    const c = counts[entity] ?? { valid: 0, staged: 0, rejected: 0 };
    const actual = inStaging[entity] ?? 0;
    const problems: string[] = [];
    if (c.staged !== actual) problems.push(`A carga registrou ${c.staged} linhas carregadas, mas a homologação tem ${actual}.`);
    if (c.valid !== c.staged + c.rejected) problems.push(`${c.valid} linhas válidas, mas ${c.staged} carregadas e ${c.rejected} recusadas.`);
    if (c.source !== undefined && c.valid > c.source) problems.push(`Mais linhas válidas (${c.valid}) que linhas na origem (${c.source}).`);
    const p = previous?.counts[entity];
    return {
      entity,
      source: c.source ?? null,
      valid: c.valid,
      staged: c.staged,
      inStaging: actual,
      rejected: c.rejected,
      problems,
      diff: p ? { valid: c.valid - p.valid, inStaging: actual - (previous!.inStaging[entity] ?? 0), rejected: c.rejected - p.rejected } : null,
    };
  });
}
