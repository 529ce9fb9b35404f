/**
 * Turns the parsed CSV rows into what the preview shows and the confirmation creates: each row
 * either "será criada" or carries its pt-BR errors — the file's own problems (from the parser) plus
 * conflicts with bases that already exist (base id or CNPJ taken, possibly by another singular:
 * the message never says by whom).
 */
import type { ClinicCsvRow, ClinicValue } from '../parsing/index.ts';
import { formatCnpj } from '../parsing/index.ts';
import type { TakenKeys } from '../clinics/clinic-keys.ts';

export type ImportMode = 'all-or-nothing' | 'valid-only';

export interface PlannedRow {
  line: number;
  /** The row as written, by header. */
  input: Record<string, string>;
  /** Present only when the row can be created. */
  value: ClinicValue | null;
  errors: string[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  validCount: number;
  errorCount: number;
}

/** Base ids and CNPJs of the rows that passed the file checks: the keys to look up in the database. */
export function keysToCheck(rows: readonly ClinicCsvRow[]): { ids: number[]; cnpjs: string[] } {
  const ids: number[] = [];
  const cnpjs: string[] = [];
  for (const row of rows) {
    if (!row.value) continue;
    if (row.value.baseId !== null) ids.push(row.value.baseId);
    if (row.value.cnpj !== null) cnpjs.push(row.value.cnpj);
  }
  return { ids, cnpjs };
}

export function planImport(rows: readonly ClinicCsvRow[], taken: TakenKeys): ImportPlan {
  let validCount = 0;
  const planned = rows.map((row): PlannedRow => {
    const errors = [...row.errors];
    const value = row.value ?? null;
    if (value?.baseId !== null && value?.baseId !== undefined && taken.ids.has(value.baseId)) {
      errors.push(`O id da base ${value.baseId} já está em uso.`);
    }
    if (value?.cnpj && taken.cnpjs.has(value.cnpj)) {
      errors.push(`O CNPJ ${formatCnpj(value.cnpj)} já está cadastrado em outra base clínica.`);
    }
    const ok = value !== null && errors.length === 0;
    if (ok) validCount += 1;
    return { line: row.line, input: row.input, value: ok ? value : null, errors };
  });
  return { rows: planned, validCount, errorCount: planned.length - validCount };
}

/** Why nothing can be created in this mode (null when the confirmation may go ahead). */
export function refusal(plan: ImportPlan, mode: ImportMode): string | null {
  if (plan.validCount === 0) return 'Nenhuma linha do arquivo pode ser criada. Corrija os erros e envie o arquivo de novo.';
  if (mode === 'all-or-nothing' && plan.errorCount > 0) {
    return plan.errorCount === 1
      ? 'Nada foi criado: 1 linha tem erro e a opção escolhida foi “tudo ou nada”. Corrija o arquivo e envie de novo, ou escolha criar apenas as linhas válidas.'
      : `Nada foi criado: ${plan.errorCount} linhas têm erros e a opção escolhida foi “tudo ou nada”. Corrija o arquivo e envie de novo, ou escolha criar apenas as linhas válidas.`;
  }
  return null;
}

/** The bases to insert, with the next free ids given to rows that left the id blank. */
export function basesToCreate(plan: ImportPlan, freeIds: readonly number[]): Array<ClinicValue & { baseId: number }> {
  let next = 0;
  return plan.rows
    .filter((row): row is PlannedRow & { value: ClinicValue } => row.value !== null)
    .map((row) => {
      const baseId = row.value.baseId ?? freeIds[next++];
      if (baseId === undefined) throw new Error('not enough free base ids');
      return { ...row.value, baseId };
    });
}

/** How many rows need a generated id, and the ids the file assigns itself (never handed out). */
export function idNeeds(plan: ImportPlan): { generated: number; reserved: Set<number> } {
  let generated = 0;
  const reserved = new Set<number>();
  for (const row of plan.rows) {
    if (!row.value) continue;
    if (row.value.baseId === null) generated += 1;
    else reserved.add(row.value.baseId);
  }
  return { generated, reserved };
}
