/** Who is told about a request when nobody is acting in it (the periodic jobs): ids only. */
import type { Db } from '@painel/core/plugin';
import { sql } from 'drizzle-orm';
import type { Side } from '../domain/states.ts';
import { participantsOf, type RequestRow } from '../store/request-store.ts';

type Rows = { rows?: Array<{ id: string | number }> } | Array<{ id: string | number }>;
const ids = (result: unknown): number[] => {
  const rows = result as Rows;
  return (Array.isArray(rows) ? rows : (rows.rows ?? [])).map((r) => Number(r.id));
};

export async function teamIds(tx: Db): Promise<number[]> {
  return ids(await tx.execute(sql`select id from migration.team_user_ids() as id`));
}

/** The clinic side of a request: the base's active gestores, and whoever of the singular or the base took part in it. */
export async function clinicSideIds(tx: Db, r: RequestRow): Promise<number[]> {
  const team = new Set(await teamIds(tx));
  const gestores = ids(await tx.execute(sql`select id from migration.base_gestor_ids(${r.resellerId}, ${r.clinicId}) as id`));
  const participants = (await participantsOf(tx, r)).filter((id) => !team.has(id));
  return [...new Set([...gestores, ...participants])];
}

/** Whoever acts next on `side`. */
export async function sideIds(tx: Db, r: RequestRow, side: Side): Promise<number[]> {
  return side === 'equipe' ? teamIds(tx) : clinicSideIds(tx, r);
}
