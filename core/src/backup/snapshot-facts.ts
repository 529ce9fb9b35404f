/** Runs one SQL text (no parameters) and returns its rows, on whatever connection holds the snapshot. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

/** One migration set's applied head: how many of its migrations, and the last one's time and hash. */
export interface MigrationHead {
  set: string;
  applied: number;
  lastCreatedAt: number | null;
  lastHash: string | null;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every user table ("schema.table"), partitions folded into their parent. */
async function userTables(run: RunSql): Promise<string[][]> {
  const rows = await run(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1, 2`,
  );
  return rows.map((r) => [String(r.schema), String(r.name)]);
}

/** Row count of every user table, in one statement (so on one snapshot). */
export async function countTableRows(run: RunSql): Promise<Record<string, number>> {
  const tables = await userTables(run);
  if (tables.length === 0) return {};
  const parts = tables.map(
    ([schema, name]) => `select ${`'${`${schema}.${name}`.replaceAll("'", "''")}'`} as t, count(*)::bigint as n from ${quote(schema!)}.${quote(name!)}`,
  );
  const rows = await run(parts.join('\nunion all\n'));
  return Object.fromEntries(rows.map((r) => [String(r.t), Number(r.n)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** The applied head of each migration set (drizzle."__migrations_<set>": core, modules, plugins). */
export async function migrationHeads(run: RunSql): Promise<MigrationHead[]> {
  const tables = await run(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'drizzle' and c.relkind = 'r' and c.relname like '\\_\\_migrations\\_%' order by 1`,
  );
  const heads: MigrationHead[] = [];
  for (const { name } of tables) {
    const table = `drizzle.${quote(String(name))}`;
    const [row] = await run(
      `select count(*)::int as applied, (select created_at from ${table} order by created_at desc, id desc limit 1) as last_at,
              (select hash from ${table} order by created_at desc, id desc limit 1) as last_hash from ${table}`,
    );
    heads.push({
      set: String(name).replace(/^__migrations_/, ''),
      applied: Number(row?.applied ?? 0),
      lastCreatedAt: row?.last_at == null ? null : Number(row.last_at),
      lastHash: row?.last_hash == null ? null : String(row.last_hash),
    });
  }
  return heads;
}
