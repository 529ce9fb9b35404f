import { type Db, HttpError } from '@painel/core/plugin';
import { requestRole } from '../access.ts';
import type { RequestRole } from '../domain/lifecycle.ts';
import { findRequest, type RequestRow } from '../store/request-store.ts';
import type { Ctx } from '../http/request.ts';

/**
 * The request and the actor's role on it, or 404: row-level security hides other tenants' requests,
 * and the role check hides what the scope shows but the actor may not follow (e.g. another base's
 * member inside a singular's admin view never happens; a médico of the base does).
 */
export async function loadRequest(c: Ctx, tx: Db, id: number): Promise<{ r: RequestRow; role: RequestRole }> {
  const r = await findRequest(tx, id);
  if (!r) throw new HttpError(404);
  const role = requestRole(c.get('actor'), r);
  if (!role) throw new HttpError(404);
  return { r, role };
}

/** As loadRequest, for a change: readers get 403 with a pt-BR reason. */
export async function loadForChange(c: Ctx, tx: Db, id: number): Promise<{ r: RequestRow; role: Exclude<RequestRole, 'leitor'> }> {
  const { r, role } = await loadRequest(c, tx, id);
  if (role === 'leitor') throw new HttpError(403, 'Você acompanha esta migração somente para leitura.');
  return { r, role };
}
