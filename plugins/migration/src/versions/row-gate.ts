/**
 * The checks a staged row passes before it goes to the bulk load, which would otherwise refuse the whole
 * load for one bad row: a line number after the previous one, an object of values, no NUL character
 * (PostgreSQL cannot store it), a bounded size. A refused row is kept with its reason (pt-BR).
 */
import type { StagedInput } from './staged-input.ts';

/** A row larger than this (its JSON) is refused: a legacy row of several megabytes is a broken export. */
export const MAX_ROW_BYTES = 1024 * 1024;

export interface Accepted {
  ok: true;
  line: number;
  source: string;
  data: string;
}

export interface Refused {
  ok: false;
  line: number | null;
  reason: string;
  /** The row as the file had it, NUL characters replaced, for the list of refused rows. */
  source: Record<string, string> | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One gate per entity of a load: it remembers the last line it let through. */
export class RowGate {
  #last = 0;

  check(row: StagedInput): Accepted | Refused {
    const line = row?.line;
    const lineOk = typeof line === 'number' && Number.isSafeInteger(line) && line >= 1 && line <= 2_147_483_647;
    if (!lineOk) return this.#refuse(null, 'Número de linha de origem inválido.', row?.source);
    if (line <= this.#last) return this.#refuse(line, `Linha repetida ou fora de ordem (a linha ${this.#last} já foi carregada).`, row.source);
    if (!isRecord(row.source) || !isRecord(row.values)) return this.#refuse(line, 'A linha não tem os valores da origem e os normalizados.', row.source);
    let source: string;
    let data: string;
    try {
      source = JSON.stringify(row.source);
      data = JSON.stringify(row.values);
    } catch {
      return this.#refuse(line, 'A linha tem um valor que não pode ser gravado.', row.source);
    }
    if (source.includes('\\u0000') || data.includes('\\u0000')) {
      return this.#refuse(line, 'O texto contém o caractere NUL (\\0), que o banco de dados não aceita.', row.source);
    }
    if (source.length + data.length > MAX_ROW_BYTES) return this.#refuse(line, 'A linha passa de 1 MB.', null);
    this.#last = line;
    return { ok: true, line, source, data };
  }

  #refuse(line: number | null, reason: string, source: unknown): Refused {
    return { ok: false, line, reason, source: shown(source) };
  }
}

/** The raw row for the list of refused rows: text values only, NUL replaced by U+FFFD. */
function shown(source: unknown): Record<string, string> | null {
  if (!isRecord(source)) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) out[key.replace(/\u0000/g, '\uFFFD')] = String(value ?? '').replace(/\u0000/g, '\uFFFD');
  return out;
}
