/**
 * `npm run seed:large`: singulares, bases clínicas and clinic users at the scale of SPEC §1 (350 /
 * 100,000 / 1,000,000), fast. Everything goes through the owner connection with the platform scope
 * set (so row-level security is satisfied however the owner is configured):
 * - singulares and bases: built here (names, cities, valid CNPJs) and sent as one JSON parameter per
 *   batch, expanded by `json_to_recordset` — a multi-row insert with 1 parameter, the same on PGlite
 *   and postgres.js;
 * - users and memberships: generated inside the database with `generate_series` in chunks (nothing
 *   crosses the wire but the chunk bounds), each chunk its own transaction, progress printed.
 * Every seeded user has the demo password (one precomputed argon2id hash).
 */
import { type Database, type Db, formatNumber, schema } from '@painel/core/module';
import { max, sql } from 'drizzle-orm';
import { clinicsPerReseller } from './distribution.ts';
import { clinicCity, clinicName, FIRST_NAMES, LAST_NAMES, mix, resellerName, seedCnpj } from './fake-data.ts';
import type { LargeSeedOptions } from './options.ts';

const { clinics, users } = schema;

export const SEED_EMAIL_DOMAIN = 'carga.test';
/** Seeded singulares get codes 5001, 5002, … */
export const SEED_RESELLER_CODE_START = 5001;
const CLINIC_BATCH = 5_000;
const USER_CHUNK = 50_000;

export interface LargeSeedReport {
  resellers: number;
  clinics: number;
  users: number;
  memberships: number;
  firstBaseId: number | null;
  ms: number;
}

export class LargeSeedRefused extends Error {
  override name = 'LargeSeedRefused';
}

/** One owner transaction with the platform scope (RLS is forced even for the owner). */
function asPlatform<T>(db: Database, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.owner.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.scope', 'platform', true)`);
    return fn(tx as unknown as Db);
  });
}

async function one<R>(db: Database, tx: Db, query: ReturnType<typeof sql>): Promise<R> {
  const [row] = await db.query<R>(tx, query);
  return row as R;
}

async function refuseIfSeeded(db: Database, options: LargeSeedOptions): Promise<void> {
  const lastCode = String(SEED_RESELLER_CODE_START + options.resellers - 1);
  const found = await asPlatform(db, (tx) =>
    one<{ resellers: number; users: number }>(
      db,
      tx,
      sql`select
        (select count(*)::int from resellers where code between ${String(SEED_RESELLER_CODE_START)} and ${lastCode}
           and length(code) = ${lastCode.length}) as resellers,
        (select count(*)::int from users where email like ${`%@${SEED_EMAIL_DOMAIN}`}) as users`,
    ),
  );
  if (found.resellers > 0 || found.users > 0) {
    throw new LargeSeedRefused(
      `A carga grande já foi aplicada neste banco (${found.resellers} singulares ${SEED_RESELLER_CODE_START}… e ${found.users} usuários @${SEED_EMAIL_DOMAIN} existem). ` +
        'Use um banco novo (outro DATA_DIR ou DATABASE_URL) para carregar de novo.',
    );
  }
}

interface SeededReseller {
  id: number;
  index: number;
  city: readonly [string, string];
}

async function insertResellers(db: Database, count: number): Promise<SeededReseller[]> {
  const rows = Array.from({ length: count }, (_, i) => ({ code: String(SEED_RESELLER_CODE_START + i), name: resellerName(i).name }));
  const inserted = await asPlatform(db, (tx) =>
    db.query<{ id: string | number; code: string }>(
      tx,
      sql`insert into resellers (code, name)
          select code, name from json_to_recordset(${JSON.stringify(rows)}::json) as r(code text, name text)
          returning id, code`,
    ),
  );
  return inserted
    .map((r) => {
      const index = Number(r.code) - SEED_RESELLER_CODE_START;
      return { id: Number(r.id), index, city: resellerName(index).city };
    })
    .sort((a, b) => a.index - b.index);
}

/** Base ids start at the next multiple of 100,000 above every id in use, one contiguous block. */
async function firstFreeBaseId(db: Database): Promise<number> {
  const row = await asPlatform(db, async (tx) => (await tx.select({ top: max(clinics.id) }).from(clinics))[0]);
  const top = Number(row?.top ?? 0);
  return (Math.floor(top / 100_000) + 1) * 100_000 + 1;
}

async function insertClinics(db: Database, sellers: SeededReseller[], total: number, firstId: number, progress: (done: number) => void) {
  const perReseller = clinicsPerReseller(sellers.length, total);
  let batch: unknown[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    await asPlatform(db, (tx) =>
      tx.execute(sql`insert into clinics (reseller_id, id, name, cnpj, city, uf, status)
        select reseller_id, id, name, cnpj, city, uf, status
        from json_to_recordset(${json}::json) as c(reseller_id bigint, id bigint, name text, cnpj text, city text, uf text, status text)`),
    );
    done += batch.length;
    batch = [];
    progress(done);
  };
  let n = 0;
  for (const [i, seller] of sellers.entries()) {
    for (let k = 0; k < (perReseller[i] ?? 0); k += 1) {
      const [city, uf] = clinicCity(n, seller.city);
      batch.push({
        reseller_id: seller.id,
        id: firstId + n,
        name: clinicName(n),
        cnpj: mix(n, 8) % 10 < 7 ? seedCnpj(n) : null,
        city,
        uf,
        status: mix(n, 9) % 50 === 0 ? 'inactive' : 'active',
      });
      n += 1;
      if (batch.length >= CLINIC_BATCH) await flush();
    }
  }
  await flush();
}

const pgArray = (items: readonly string[]) => sql.raw(`array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`);

/** One reseller admin per seeded singular: admin.<code>@carga.test. */
async function insertResellerAdmins(db: Database, sellers: SeededReseller[], passwordHash: string): Promise<number> {
  const rows = sellers.map((s) => ({
    email: `admin.${SEED_RESELLER_CODE_START + s.index}@${SEED_EMAIL_DOMAIN}`,
    name: `Administração ${resellerName(s.index).name}`,
    reseller_id: s.id,
  }));
  await asPlatform(db, (tx) =>
    tx.execute(sql`insert into users (email, name, kind, status, reseller_id, password_hash)
      select email, name, 'reseller_admin', 'active', reseller_id, ${passwordHash}
      from json_to_recordset(${JSON.stringify(rows)}::json) as u(email text, name text, reseller_id bigint)`),
  );
  return rows.length;
}

/**
 * Clinic users g = from..to: usuario<g>@carga.test, member of base firstId + (g-1) mod clinics (the
 * first user of each base is its gestor); every 20th user also works in the next base of the same
 * singular (multi clínica).
 */
async function insertUserChunk(db: Database, p: { from: number; to: number; userBase: number; firstId: number; clinics: number; hash: string }) {
  return asPlatform(db, async (tx) => {
    await tx.execute(sql`insert into users (id, email, name, kind, status, password_hash)
      select ${p.userBase}::bigint + g, 'usuario' || g || ${`@${SEED_EMAIL_DOMAIN}`},
        (${pgArray(FIRST_NAMES)})[1 + (g * 7) % ${FIRST_NAMES.length}] || ' ' ||
        (${pgArray(LAST_NAMES)})[1 + (g * 13) % ${LAST_NAMES.length}] || ' ' ||
        (${pgArray(LAST_NAMES)})[1 + (g * 31 + 5) % ${LAST_NAMES.length}],
        'clinic_user', 'active', ${p.hash}
      from generate_series(${p.from}::bigint, ${p.to}::bigint) g`);
    const first = await one<{ n: number }>(
      db,
      tx,
      sql`with inserted as (
        insert into memberships (reseller_id, clinic_id, user_id, role)
        select c.reseller_id, c.id, ${p.userBase}::bigint + g,
          case when g <= ${p.clinics} then 'gestor'
               else (array['medico','secretaria','medico','financeiro','secretaria'])[1 + g % 5] end
        from generate_series(${p.from}::bigint, ${p.to}::bigint) g
        join clinics c on c.id = ${p.firstId}::bigint + (g - 1) % ${p.clinics}
        returning 1)
      select count(*)::int as n from inserted`,
    );
    const second = await one<{ n: number }>(
      db,
      tx,
      sql`with inserted as (
        insert into memberships (reseller_id, clinic_id, user_id, role)
        select c2.reseller_id, c2.id, ${p.userBase}::bigint + g, 'medico'
        from generate_series(${p.from}::bigint, ${p.to}::bigint) g
        join clinics c on c.id = ${p.firstId}::bigint + (g - 1) % ${p.clinics}
        join clinics c2 on c2.id = c.id + 1 and c2.reseller_id = c.reseller_id
        where g % 20 = 0
        returning 1)
      select count(*)::int as n from inserted`,
    );
    return first.n + second.n;
  });
}

export interface LargeSeedProgress {
  (message: string): void;
}

export async function seedLarge(
  db: Database,
  options: LargeSeedOptions,
  passwordHash: string,
  say: LargeSeedProgress = () => {},
): Promise<LargeSeedReport> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} s`;
  const fmt = formatNumber;
  await refuseIfSeeded(db, options);

  const sellers = await insertResellers(db, options.resellers);
  say(`singulares: ${fmt(sellers.length)} (${elapsed()})`);

  const firstId = options.clinics > 0 ? await firstFreeBaseId(db) : null;
  if (firstId !== null) {
    let shown = 0;
    await insertClinics(db, sellers, options.clinics, firstId, (done) => {
      if (done - shown >= 25_000 || done === options.clinics) {
        shown = done;
        say(`bases clínicas: ${fmt(done)} / ${fmt(options.clinics)} (${elapsed()})`);
      }
    });
  }

  const admins = await insertResellerAdmins(db, sellers, passwordHash);
  let memberships = 0;
  if (options.users > 0 && firstId !== null) {
    const userBase = await asPlatform(db, async (tx) => Number((await tx.select({ top: max(users.id) }).from(users))[0]?.top ?? 0));
    for (let from = 1; from <= options.users; from += USER_CHUNK) {
      const to = Math.min(options.users, from + USER_CHUNK - 1);
      memberships += await insertUserChunk(db, { from, to, userBase, firstId, clinics: options.clinics, hash: passwordHash });
      say(`usuários: ${fmt(to)} / ${fmt(options.users)} · vínculos: ${fmt(memberships)} (${elapsed()})`);
    }
    await asPlatform(db, (tx) => tx.execute(sql`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`));
  }

  say(`atualizando estatísticas do banco (${elapsed()})`);
  await db.owner.execute(sql`analyze resellers, clinics, users, memberships`);
  return {
    resellers: sellers.length,
    clinics: options.clinics,
    users: options.users + admins,
    memberships,
    firstBaseId: firstId,
    ms: Math.round(performance.now() - started),
  };
}
