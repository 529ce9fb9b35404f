/**
 * Which entity a file holds when the caller did not say: by its file name first ("Pacientes_2024.csv",
 * "convênios.xlsx", "agenda.csv"), else by its header — the entity whose fields its columns map to best
 * (required fields weigh double).
 */
import { basename, extname } from 'node:path';
import { ENTITIES, ENTITY_KEYS, type EntityKey } from './entities.ts';
import { fold } from './fold.ts';
import { autoMap } from './mapping.ts';

/** The entity a file name names, or null. Multi-word names ("modelos documentos") are tried first. */
export function entityFromFileName(file: string): EntityKey | null {
  const name = ` ${fold(basename(file, extname(file)).replace(/_/g, ' '))} `;
  const candidates = ENTITY_KEYS.flatMap((key) => ENTITIES[key].fileWords.map((w) => ({ key, w })));
  candidates.sort((a, b) => b.w.split(' ').length - a.w.split(' ').length || b.w.length - a.w.length);
  for (const { key, w } of candidates) if (name.includes(` ${w} `)) return key;
  return null;
}

/** The entity a header fits best, or null when no entity's required fields are all found. */
export function entityFromHeader(header: readonly string[]): EntityKey | null {
  let best: EntityKey | null = null;
  let bestScore = 0;
  for (const key of ENTITY_KEYS) {
    const mapping = autoMap(key, header);
    const required = ENTITIES[key].fields.filter((f) => f.required);
    if (!required.every((f) => mapping.columns.some((c) => c.field === f.key))) continue;
    let score = 0;
    for (const c of mapping.columns) score += c.confidence * (required.some((f) => f.key === c.field) ? 2 : 1);
    if (score > bestScore) {
      bestScore = score;
      best = key;
    }
  }
  return best;
}
