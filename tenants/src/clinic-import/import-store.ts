/** Writes an import: every base in ONE transaction, in multi-row batches; all of them or none. */
import { type Db, schema } from '@painel/core/module';
import { and, eq, sql } from 'drizzle-orm';
import type { ClinicValue } from '../parsing/index.ts';

const { clinics } = schema;
const BATCH_ROWS = 1000;

/** A base id of the file was taken between the preview and the confirmation: roll everything back. */
export class ImportConflictError extends Error {
  override name = 'ImportConflictError';
}

export async function insertImportedClinics(tx: Db, resellerId: number, bases: Array<ClinicValue & { baseId: number }>): Promise<void> {
  for (let start = 0; start < bases.length; start += BATCH_ROWS) {
    const batch = bases.slice(start, start + BATCH_ROWS).map((b) => ({
      resellerId,
      id: b.baseId,
      name: b.name,
      cnpj: b.cnpj,
      city: b.city,
      uf: b.uf,
    }));
    const inserted = await tx.insert(clinics).values(batch).onConflictDoNothing().returning({ id: clinics.id });
    if (inserted.length !== batch.length) throw new ImportConflictError('base id taken since the preview');
  }
}

/** The same file (by SHA-256) was already imported into this singular. */
export class AlreadyImportedError extends Error {
  override name = 'AlreadyImportedError';
}

/** Whether the audit log has an import of a file with this SHA-256 into this singular. */
export async function alreadyImported(tx: Db, resellerId: number, sha256: string): Promise<boolean> {
  const a = schema.auditLog;
  const rows = await tx
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.action, 'clinic.import'), eq(a.resellerId, resellerId), sql`${a.details}->>'sha256' = ${sha256}`))
    .limit(1);
  return rows.length > 0;
}
