/**
 * Distinctive values of each tenant, read from the database (owning connection, every row): names and
 * CNPJs of singulares and bases, names and e-mails of their users, ticket subjects and the people on
 * tickets, migration requests' contacts and the people acting on them. A value found in a response is
 * a leak unless the actor may see one of its owners (visibility.ts). Vendor staff (platform, support,
 * migration team) belong to no tenant and are left out, as are values shorter than 6 characters.
 */
import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';

export type OwnerKind = 'reseller' | 'clinic' | 'user' | 'ticket' | 'migration';

export interface Owner {
  reseller: number;
  clinic: number | null;
  kind: OwnerKind;
  /** Tickets only: in the vendor's queue (the support team reads it) rather than the singular's own. */
  vendorQueue?: boolean;
}

export type TenantValues = Map<string, Owner[]>;

const MIN_LENGTH = 6;

async function rows<R>(db: Database, query: ReturnType<typeof sql>): Promise<R[]> {
  return db.query<R>(db.owner, query);
}

const formatCnpj = (c: string) => c.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5');

export async function collectTenantValues(db: Database): Promise<TenantValues> {
  const values: TenantValues = new Map();
  const vendor = new Set(
    (await rows<{ name: string; email: string }>(db, sql`select name, email::text as email from users where kind not in ('clinic_user', 'reseller_admin')`)).flatMap((u) => [
      u.name,
      u.email,
    ]),
  );
  const add = (text: string | null | undefined, owner: Owner) => {
    const value = text?.trim();
    if (!value || value.length < MIN_LENGTH || vendor.has(value)) return;
    const list = values.get(value) ?? [];
    if (!list.some((o) => o.reseller === owner.reseller && o.clinic === owner.clinic && o.kind === owner.kind && o.vendorQueue === owner.vendorQueue)) list.push(owner);
    values.set(value, list);
  };

  for (const r of await rows<{ id: number; name: string }>(db, sql`select id::int as id, name from resellers`)) add(r.name, { reseller: r.id, clinic: null, kind: 'reseller' });
  for (const c of await rows<{ reseller: number; id: number; name: string; cnpj: string | null }>(
    db,
    sql`select reseller_id::int as reseller, id::int as id, name, cnpj from clinics`,
  )) {
    const owner = { reseller: c.reseller, clinic: c.id, kind: 'clinic' } as const;
    add(c.name, owner);
    if (c.cnpj) add(formatCnpj(c.cnpj), owner);
  }
  for (const u of await rows<{ email: string; name: string; kind: string; admin_of: number | null; reseller: number | null; clinic: number | null }>(
    db,
    sql`select u.email::text as email, u.name, u.kind, u.reseller_id::int as admin_of, m.reseller_id::int as reseller, m.clinic_id::int as clinic
        from users u left join memberships m on m.user_id = u.id where u.kind in ('clinic_user', 'reseller_admin')`,
  )) {
    const owner: Owner | null =
      u.kind === 'reseller_admin' && u.admin_of !== null
        ? { reseller: u.admin_of, clinic: null, kind: 'user' }
        : u.reseller !== null
          ? { reseller: u.reseller, clinic: u.clinic, kind: 'user' }
          : null;
    if (!owner) continue;
    add(u.email, owner);
    add(u.name, owner);
  }
  for (const t of await rows<{ reseller: number; clinic: number; subject: string; queue: string; opened_by: string }>(
    db,
    sql`select reseller_id::int as reseller, clinic_id::int as clinic, subject, queue, opened_by_name as opened_by from support.tickets`,
  )) {
    const owner = { reseller: t.reseller, clinic: t.clinic, kind: 'ticket', vendorQueue: t.queue === 'vendor' } as const;
    add(t.subject, owner);
    add(t.opened_by, owner);
  }
  for (const m of await rows<{ reseller: number; clinic: number; author: string; queue: string }>(
    db,
    sql`select m.reseller_id::int as reseller, m.clinic_id::int as clinic, m.author_name as author, t.queue
        from support.messages m join support.tickets t on t.reseller_id = m.reseller_id and t.id = m.ticket_id`,
  )) {
    add(m.author, { reseller: m.reseller, clinic: m.clinic, kind: 'ticket', vendorQueue: m.queue === 'vendor' });
  }
  for (const r of await rows<{ reseller: number; clinic: number; texts: Array<string | null> }>(
    db,
    sql`select reseller_id::int as reseller, clinic_id::int as clinic,
          array[opened_by_name, clinic_contact->>'name', clinic_contact->>'email', analyst_contact->>'name', analyst_contact->>'email'] as texts
        from migration.requests`,
  )) {
    for (const text of r.texts) add(text, { reseller: r.reseller, clinic: r.clinic, kind: 'migration' });
  }
  for (const e of await rows<{ reseller: number; clinic: number; name: string }>(
    db,
    sql`select r.reseller_id::int as reseller, r.clinic_id::int as clinic, e.by_name as name
        from migration.events e join migration.requests r on r.reseller_id = e.reseller_id and r.id = e.request_id
        union select r.reseller_id::int, r.clinic_id::int, m.author_name
        from migration.messages m join migration.requests r on r.reseller_id = m.reseller_id and r.id = m.request_id`,
  )) {
    add(e.name, { reseller: e.reseller, clinic: e.clinic, kind: 'migration' });
  }
  return values;
}

/** HTML as text: the entities hono/jsx writes, decoded. */
export function visibleText(body: string): string {
  return body
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
