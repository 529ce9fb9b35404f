/**
 * The practitioners named in an appointments file, each with the user of the base whose name matches
 * (accents, case and titles ignored), for the clinic to set up the missing ones (seed 002: bookings go
 * to the practitioner whose user has that name). The base's users are read in the base's own scope.
 */
import { coreTables } from '@painel/core/plugin';
import { fold } from '../prevalidation/fold.ts';
import type { Ctx } from '../http/request.ts';
import type { RequestFileRow } from './file-rows.ts';

export interface PractitionerMatch {
  name: string;
  rows: number;
  user: string | null;
}

const TITLES = new Set(['dr', 'dra', 'doutor', 'doutora', 'prof', 'profa']);
const key = (name: string) =>
  fold(name)
    .split(' ')
    .filter((w) => w !== '' && !TITLES.has(w))
    .join(' ');

export async function basePractitioners(c: Ctx, r: { resellerId: number; clinicId: number }, file: RequestFileRow): Promise<PractitionerMatch[]> {
  const named = ((file.report?.practitioners as Array<{ name: string; rows: number }> | undefined) ?? []).slice(0, 200);
  if (named.length === 0) return [];
  const users = await c.get('tx')((tx) => tx.select({ name: coreTables.users.name }).from(coreTables.users), { kind: 'clinic', resellerId: r.resellerId, clinicId: r.clinicId });
  const byKey = new Map(users.map((u) => [key(u.name), u.name]));
  return named.map((p) => ({ ...p, user: byKey.get(key(p.name)) ?? null }));
}
