import { type Database, hashPassword, type MembershipRole, schema } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';

const { clinics, memberships, users } = schema;

export async function userIdOf(db: Database, email: string): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function userRow(db: Database, email: string) {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(users).where(eq(users.email, email)));
  return row ?? null;
}

export async function membershipsOf(db: Database, email: string) {
  const id = await userIdOf(db, email);
  const rows = await db.scoped({ kind: 'platform' }, (tx) =>
    tx.select({ clinicId: memberships.clinicId, role: memberships.role }).from(memberships).where(eq(memberships.userId, id)),
  );
  return rows.sort((a, b) => a.clinicId - b.clinicId);
}

let demoHash: Promise<string> | undefined;

/** A clinic user (password demo1234) with memberships in the given bases. */
export async function createClinicUser(
  db: Database,
  email: string,
  name: string,
  bases: { clinicId: number; role: MembershipRole }[],
): Promise<number> {
  demoHash ??= hashPassword('demo1234', { env: 'test', passwordHashCost: 'test' });
  const passwordHash = await demoHash;
  return db.scoped({ kind: 'platform' }, async (tx) => {
    const [user] = await tx.insert(users).values({ email, name, kind: 'clinic_user', passwordHash }).returning({ id: users.id });
    for (const base of bases) {
      const [clinic] = await tx.select({ resellerId: clinics.resellerId }).from(clinics).where(eq(clinics.id, base.clinicId));
      await tx.insert(memberships).values({ resellerId: clinic!.resellerId, clinicId: base.clinicId, userId: user!.id, role: base.role });
    }
    return user!.id;
  });
}

export async function setClinicStatus(db: Database, clinicId: number, status: 'active' | 'inactive'): Promise<void> {
  await db.scoped({ kind: 'platform' }, (tx) => tx.update(clinics).set({ status }).where(eq(clinics.id, clinicId)));
}

export interface AuditDbRow {
  id: number;
  action: string;
  outcome: string;
  actor_email: string | null;
  reseller_id: number | null;
  clinic_id: number | null;
  target: string | null;
  details: Record<string, unknown> | null;
}

export async function auditRows(db: Database, action: string): Promise<AuditDbRow[]> {
  const rows = await db.scoped({ kind: 'platform' }, (tx) =>
    db.query<AuditDbRow>(
      tx,
      sql`select id, action, outcome, actor_email, reseller_id, clinic_id, target, details from audit_log where action = ${action} order by id`,
    ),
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), reseller_id: r.reseller_id === null ? null : Number(r.reseller_id), clinic_id: r.clinic_id === null ? null : Number(r.clinic_id) }));
}

export async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => db.query<{ n: number | string }>(tx, query));
  return Number(row?.n ?? 0);
}

export async function membershipCount(db: Database, userId: number, clinicId: number): Promise<number> {
  const rows = await db.scoped({ kind: 'platform' }, (tx) =>
    tx.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.clinicId, clinicId))),
  );
  return rows.length;
}

/** The flash message shown on a page, if any. */
export const flashOf = (html: string): string | null => /class="flash flash-\w+"[^>]*>([^<]+)</.exec(html)?.[1]?.trim() ?? null;

/** The "Base atual" shown in the header. */
export const currentBaseOf = (html: string): string | null =>
  /data-testid="current-base">([\s\S]*?)<\/strong>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() ?? null;

export const invitationTokenIn = (html: string): string | null => /\/convite\/([A-Za-z0-9_-]{43})/.exec(html)?.[1] ?? null;

/** Follows a 303 with the same cookie and returns the page. */
export async function follow(t: { request: (p: string, i?: { cookie?: string }) => Promise<Response> }, res: Response, cookie: string) {
  const location = res.headers.get('location');
  if (!location) throw new Error(`no redirect (status ${res.status})`);
  return t.request(location, { cookie });
}
