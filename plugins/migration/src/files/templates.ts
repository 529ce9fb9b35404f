/** Mapping templates per legacy system and entity: saved when a person confirms a mapping, read for the next upload. */
import type { Db } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { legacySystems, mappingTemplates } from '../db/schema.ts';
import { fold } from '../prevalidation/fold.ts';

export type Templates = Map<string, Record<string, string>>;

/** The system's templates by entity (empty when the request names no catalogued system). */
export async function templatesOf(tx: Db, legacySystemId: number | null): Promise<Templates> {
  if (legacySystemId === null) return new Map();
  const rows = await tx.select().from(mappingTemplates).where(eq(mappingTemplates.legacySystemId, legacySystemId));
  return new Map(rows.map((r) => [r.entity, r.columns]));
}

/** A system's name for matching: accents, case, spaces and punctuation ignored ("iClinic" = "ICLINIC" = "i-clinic"). */
const nameKey = (name: string) => fold(name).replace(/ /g, '');

/** The templates of a system named as in the catalogue (accents, case and spacing ignored), or null when there is no such system. */
export async function templatesByName(tx: Db, name: string): Promise<{ systemName: string; templates: Templates } | null> {
  const systems = await tx.select({ id: legacySystems.id, name: legacySystems.name }).from(legacySystems);
  const system = systems.find((s) => nameKey(s.name) === nameKey(name));
  return system ? { systemName: system.name, templates: await templatesOf(tx, system.id) } : null;
}

/** Saves (or replaces) the template of a system and entity. */
export async function saveTemplate(tx: Db, legacySystemId: number, entity: string, columns: Record<string, string>, byName: string, at: Date): Promise<void> {
  const [existing] = await tx
    .select({ id: mappingTemplates.id })
    .from(mappingTemplates)
    .where(and(eq(mappingTemplates.legacySystemId, legacySystemId), eq(mappingTemplates.entity, entity)));
  if (existing) await tx.update(mappingTemplates).set({ columns, updatedByName: byName, updatedAt: at }).where(eq(mappingTemplates.id, existing.id));
  else await tx.insert(mappingTemplates).values({ legacySystemId, entity, columns, updatedByName: byName, updatedAt: at });
}
