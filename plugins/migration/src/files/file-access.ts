/** One file of a request, and who may download the error rows of which entity. */
import { type Actor, clinicalRoles, type Db, HttpError } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { requestFiles } from '../db/schema.ts';
import type { EntityKey } from '../prevalidation/entities.ts';
import type { RequestFileRow } from './file-rows.ts';

/** Entities whose rows are the electronic health record: their error rows carry clinical text. */
export const EHR_ENTITIES: readonly EntityKey[] = ['prontuarios', 'documentos_gerados', 'imagens_documentos'];
export const isEhrEntity = (entity: string) => (EHR_ENTITIES as readonly string[]).includes(entity);

/** A file of the request (a whole file or a correction), or 404. */
export async function loadFile(tx: Db, r: { resellerId: number; id: number }, fileId: number): Promise<RequestFileRow> {
  const [file] = await tx
    .select()
    .from(requestFiles)
    .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.id, fileId), eq(requestFiles.requestId, r.id)));
  if (!file) throw new HttpError(404);
  return file;
}

/** A clinical member (médico) of the request's base, working in it. */
export function isClinicalOfBase(actor: Actor, r: { resellerId: number; clinicId: number }): boolean {
  const base = actor.activeClinic;
  if (!base || base.resellerId !== r.resellerId || base.clinicId !== r.clinicId || actor.supportGrant) return false;
  return actor.memberships.some((m) => m.resellerId === r.resellerId && m.clinicId === r.clinicId && clinicalRoles.includes(m.role));
}

/**
 * Which download of a file's error rows the actor gets: EHR entities only for the migration team (the
 * `personal` route, checked here) and the base's clinical roles (the `ehr` route, whose data class core
 * checks); other entities for everyone who follows the request.
 */
export function errorsDownload(actor: Actor, r: { resellerId: number; clinicId: number }, entity: string): 'erros.csv' | 'erros-prontuario.csv' | null {
  if (!isEhrEntity(entity)) return 'erros.csv';
  if (actor.user?.kind === 'migration_team') return 'erros.csv';
  if (isClinicalOfBase(actor, r)) return 'erros-prontuario.csv';
  return null;
}
