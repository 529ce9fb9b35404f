/**
 * The checks of one row, field by field, by the field's kind (entities.ts): a required value missing, a
 * value in the wrong format, a duplicate of an earlier row, a reference not found in the files of the
 * same check. Returns bit masks of the error and warning kinds the row has, and the row's issues
 * (field, kind, pt-BR reason) for the samples and the error CSV.
 */
import { cpfKey, maskCpf, validCpfDigits } from './checks/cpf.ts';
import { validDate, validDateObject, validDateTime, validTime } from './checks/date.ts';
import { validEmail } from './checks/email.ts';
import { validPhone } from './checks/phone.ts';
import { parseSexo } from './checks/sexo.ts';
import { parseSituacao } from './checks/situacao.ts';
import { ENTITIES, type EntityKey, type FieldDef } from './entities.ts';
import { ERROR_KINDS, type ErrorKind, WARNING_KINDS, type WarningKind } from './kinds.ts';
import type { ColumnMapping } from './mapping.ts';
import { NumberSet } from './number-set.ts';
import type { Cell } from './readers/source.ts';
import { referenceKey, type ReferenceIndex } from './reference-index.ts';

export const errorBit = (kind: ErrorKind) => 1 << ERROR_KINDS.indexOf(kind);
export const warningBit = (kind: WarningKind) => 1 << WARNING_KINDS.indexOf(kind);

const E = Object.fromEntries(ERROR_KINDS.map((k) => [k, errorBit(k)])) as Record<ErrorKind, number>;
const W = Object.fromEntries(WARNING_KINDS.map((k) => [k, warningBit(k)])) as Record<WarningKind, number>;

export interface Issue {
  kind: ErrorKind;
  field: string;
  /** The value as shown in a report (a CPF masked). */
  shown: string;
  reason: string;
}

export interface RowResult {
  errors: number;
  warnings: number;
  issues: Issue[];
}

interface Bound {
  def: FieldDef;
  index: number;
}

/** A row's position relative to the checker: the practitioners named, counted (capped at `limit` distinct). */
export class Practitioners {
  readonly counts = new Map<string, number>();
  constructor(private readonly limit = 5000) {}
  add(name: string): void {
    const n = this.counts.get(name);
    if (n !== undefined) this.counts.set(name, n + 1);
    else if (this.counts.size < this.limit) this.counts.set(name, 1);
  }
}

const textOf = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
};

const hasLetter = (v: string) => /\p{L}/u.test(v);
const CONTROL = /[\u0000-\u001f\u007f\ufffd]/;

export class RowChecker {
  private readonly bound: Bound[];
  private readonly missingRequired: FieldDef[];
  private readonly seen = new Map<string, NumberSet>();
  private readonly timeColumn: boolean;
  readonly practitioners = new Practitioners();
  private readonly result: RowResult = { errors: 0, warnings: 0, issues: [] };

  constructor(
    readonly entity: EntityKey,
    mapping: readonly ColumnMapping[],
    private readonly references: ReferenceIndex,
  ) {
    const fields = ENTITIES[entity].fields;
    this.bound = mapping.flatMap((m) => {
      const def = fields.find((f) => f.key === m.field);
      return def ? [{ def, index: m.index }] : [];
    });
    this.missingRequired = fields.filter((f) => f.required && !this.bound.some((b) => b.def.key === f.key));
    this.timeColumn = this.bound.some((b) => b.def.key === 'hora');
    for (const b of this.bound) if (b.def.unique) this.seen.set(b.def.key, new NumberSet(1 << 16));
  }

  private error(kind: ErrorKind, def: FieldDef, shown: string, reason: string): void {
    this.result.errors |= E[kind];
    this.result.issues.push({ kind, field: def.key, shown, reason: `${def.label}: ${reason}` });
  }

  check(cells: readonly Cell[]): RowResult {
    const r = this.result;
    r.errors = 0;
    r.warnings = 0;
    r.issues = [];
    for (const def of this.missingRequired) this.error('campo_obrigatorio_ausente', def, '', 'campo obrigatório ausente (coluna não encontrada)');
    for (const { def, index } of this.bound) this.checkField(def, cells[index] ?? null);
    return r;
  }

  private checkField(def: FieldDef, cell: Cell): void {
    const value = textOf(cell);
    if (value === '') {
      if (def.required) this.error('campo_obrigatorio_ausente', def, '', 'campo obrigatório em branco');
      else this.result.warnings |= def.kind === 'cpf' ? W.cpf_em_branco : W.campo_opcional_vazio;
      return;
    }
    switch (def.kind) {
      case 'codigo':
        if (CONTROL.test(value) || value.length > 60) this.error('valor_invalido', def, value, `código inválido "${value.slice(0, 60)}"`);
        else {
          this.references.add(this.entity, value);
          this.duplicate(def, referenceKey(value), value, false);
        }
        return;
      case 'nome':
        if (!hasLetter(value)) this.error('valor_invalido', def, value, `"${value}" não é um nome`);
        else if (def.key === 'nome') this.references.add(this.entity, value);
        return;
      case 'texto':
        return;
      case 'data':
        if (!(cell instanceof Date ? validDateObject(cell) : typeof cell === 'number' ? cell >= 1 && cell < 80000 : validDate(value)))
          this.error('data_invalida', def, value, `data inválida "${value}" (use dd/mm/aaaa)`);
        return;
      case 'data_hora':
        if (!(cell instanceof Date ? validDateObject(cell) : typeof cell === 'number' ? cell >= 1 && cell < 80000 : validDateTime(value, this.timeColumn)))
          this.error('data_invalida', def, value, `data e hora inválidas "${value}" (use dd/mm/aaaa hh:mm)`);
        return;
      case 'hora':
        if (!(cell instanceof Date || (typeof cell === 'number' ? cell >= 0 && cell < 1 : validTime(value))))
          this.error('data_invalida', def, value, `hora inválida "${value}" (use hh:mm)`);
        return;
      case 'sexo':
        if (parseSexo(value) === null) this.error('sexo_invalido', def, value, `sexo "${value}" não reconhecido (use M ou F)`);
        return;
      case 'cpf': {
        const key = typeof cell === 'number' ? numericCpf(cell) : cpfKey(value);
        if (key === null) this.error('cpf_invalido', def, maskCpf(value), `CPF inválido ${maskCpf(value)}`);
        else this.duplicate(def, key, value, true);
        return;
      }
      case 'email':
        if (!validEmail(value)) this.error('email_invalido', def, value, `e-mail inválido "${value}"`);
        return;
      case 'telefone':
        if (!validPhone(value)) this.error('telefone_invalido', def, value, `telefone inválido "${value}" (DDD e número)`);
        return;
      case 'referencia': {
        const found = def.refers ? this.references.has(def.refers, value) : null;
        if (found === false) this.error('referencia_inexistente', def, value, `"${value}" não existe no arquivo de ${ENTITIES[def.refers!].label.toLowerCase()}`);
        return;
      }
      case 'profissional':
        this.practitioners.add(value);
        return;
      case 'situacao':
        if (parseSituacao(value) === null) this.result.warnings |= W.situacao_desconhecida;
        return;
    }
  }

  private duplicate(def: FieldDef, key: number, value: string, mask: boolean): void {
    const set = this.seen.get(def.key);
    if (set && !set.add(key)) {
      const shown = mask ? maskCpf(value) : value;
      this.error('duplicado', def, shown, `${shown} repetido (já aparece em linha anterior)`);
    }
  }
}

/** A CPF read as a number from a spreadsheet: its leading zeros were lost, so it is padded back to 11 digits. */
function numericCpf(n: number): number | null {
  if (!Number.isInteger(n) || n <= 0) return null;
  const digits = String(n).padStart(11, '0');
  return validCpfDigits(digits) ? n : null;
}
