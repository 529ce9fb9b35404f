/**
 * Headers matched to an entity's fields. A header is folded (accents, case, punctuation), its known
 * abbreviations expanded ("Dt. Nasc." → data nascimento, "Cód." → codigo, "Fone" → telefone), filler
 * words dropped, then compared word by word with each phrase naming a field: the same words give a high
 * score, words that only qualify (the entity's own name in its own file, "residencial" for a phone,
 * a digit) lower it a little, and any other word rules the field out — never a bare substring, so
 * "Email consent" is not the e-mail and "Supplier number" is not the name. Each column gets at most one
 * field and each field at most one column, best scores first.
 */
import { ENTITIES, type EntityKey, type FieldDef } from './entities.ts';
import { words } from './fold.ts';

/** Abbreviations and spelling variants, folded, to the word they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  cod: 'codigo', cd: 'codigo', codigos: 'codigo', dt: 'data', dta: 'data', nasc: 'nascimento', nascto: 'nascimento', nac: 'nascimento',
  tel: 'telefone', fone: 'telefone', fones: 'telefone', telefones: 'telefone', cel: 'celular', celul: 'celular',
  mail: 'email', end: 'endereco', ender: 'endereco', proc: 'procedimento', procedimentos: 'procedimento',
  conv: 'convenio', convenios: 'convenio', pac: 'paciente', pacientes: 'paciente', prof: 'profissional',
  med: 'medico', dr: 'medico', dra: 'medico', sit: 'situacao', desc: 'descricao', descr: 'descricao', num: 'numero', nr: 'numero',
  nro: 'numero', no: 'numero', n: 'numero', obs: 'observacao', hr: 'hora', hor: 'horario', resp: 'responsavel',
  nm: 'nome', ident: 'identidade', compl: 'complemento', cidade: 'cidade', mun: 'municipio', sx: 'sexo',
  agend: 'agendamento', consultas: 'consulta', medicamentos: 'medicamento', medicacoes: 'medicacao', arq: 'arquivo',
  evol: 'evolucao', doc: 'documento', docto: 'documento', tp: 'tipo', cpfcnpj: 'cpf cnpj', datanasc: 'data nascimento',
  datahora: 'data hora', dtnasc: 'data nascimento', celular1: 'celular', telefone1: 'telefone', logr: 'logradouro',
};

/** Words that carry nothing ("Data de nascimento" = data nascimento). */
const FILLERS = new Set(['de', 'do', 'da', 'dos', 'das', 'o', 'a', 'os', 'as', 'e', 'em', 'no_', 'para']);

/** Header words, abbreviations expanded, "e mail" joined, fillers dropped; `abbreviated` counts expansions. */
export function headerWords(header: string): { words: string[]; abbreviated: number } {
  // Initials spelt with dots ("C.P.F.", "R.G.") fold to single letters: a run of them is one word.
  const raw: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) raw.push(run.join(''));
    else raw.push(...run);
    run = [];
  };
  for (const w of words(header)) {
    if (/^[a-z]$/.test(w)) run.push(w);
    else {
      flush();
      raw.push(w);
    }
  }
  flush();
  const out: string[] = [];
  let abbreviated = 0;
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    if (w === 'e' && raw[i + 1] === 'mail') {
      out.push('email');
      i++;
      continue;
    }
    if (FILLERS.has(w) && raw.length > 1) continue;
    const expanded = ABBREVIATIONS[w];
    if (expanded) {
      if (expanded !== w) abbreviated++;
      out.push(...expanded.split(' '));
    } else out.push(w);
  }
  return { words: out, abbreviated };
}

export interface FieldScore {
  field: string;
  confidence: number;
}

const phraseCache = new Map<string, string[]>();
const phraseWords = (phrase: string) => {
  let cached = phraseCache.get(phrase);
  if (!cached) phraseCache.set(phrase, (cached = headerWords(phrase).words));
  return cached;
};

/** How well one header names one field of an entity: 0 (not at all) to 1 (exactly). */
export function scoreHeader(entity: EntityKey, header: string, field: FieldDef): number {
  const { words: hw, abbreviated } = headerWords(header);
  if (hw.length === 0) return 0;
  const self = ENTITIES[entity].selfWords;
  const qualifiers = field.qualifiers ?? [];
  let best = 0;
  for (const phrase of field.names) {
    const pw = phraseWords(phrase);
    const rest = [...hw];
    let inOrder = true;
    let last = -1;
    let found = true;
    for (const w of pw) {
      const at = rest.indexOf(w);
      if (at < 0) {
        found = false;
        break;
      }
      const original = hw.indexOf(w);
      if (original < last) inOrder = false;
      last = original;
      rest.splice(at, 1);
    }
    if (!found) continue;
    let score = 1;
    for (const w of rest) {
      if (qualifiers.includes(w) || /^\d+$/.test(w)) score -= 0.1;
      else if (self.includes(w) && !pw.some((p) => self.includes(p))) score -= 0.05;
      else {
        score = 0;
        break;
      }
    }
    if (score <= 0) continue;
    if (!inOrder) score -= 0.05;
    score -= 0.05 * abbreviated;
    best = Math.max(best, score);
  }
  return Math.max(0, Math.round(best * 100) / 100);
}

/** Below this a header is not mapped automatically. */
export const MIN_CONFIDENCE = 0.5;

export interface ColumnMapping {
  column: string;
  /** Column position in the header (0-based). */
  index: number;
  field: string;
  confidence: number;
}

export interface Mapping {
  columns: ColumnMapping[];
  unmapped: string[];
}

/** The best automatic mapping of a header row: best scores first, one column per field, one field per column. */
export function autoMap(entity: EntityKey, header: readonly string[]): Mapping {
  const candidates: Array<{ index: number; field: string; confidence: number }> = [];
  header.forEach((column, index) => {
    for (const field of ENTITIES[entity].fields) {
      const confidence = scoreHeader(entity, column, field);
      if (confidence >= MIN_CONFIDENCE) candidates.push({ index, field: field.key, confidence });
    }
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const usedColumns = new Set<number>();
  const usedFields = new Set<string>();
  const columns: ColumnMapping[] = [];
  for (const c of candidates) {
    if (usedColumns.has(c.index) || usedFields.has(c.field)) continue;
    usedColumns.add(c.index);
    usedFields.add(c.field);
    columns.push({ column: header[c.index] ?? '', index: c.index, field: c.field, confidence: c.confidence });
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, unmapped: header.filter((_, i) => !usedColumns.has(i)) };
}

/**
 * A saved template (column header → field key, '' for a column a person chose not to import) applied to
 * a header: columns named in the template get their field with confidence 1 (or stay out); the rest are
 * matched automatically among the fields still free.
 */
export function applyTemplate(entity: EntityKey, header: readonly string[], template: Readonly<Record<string, string>>): Mapping {
  const known = new Set(ENTITIES[entity].fields.map((f) => f.key));
  const byFolded = new Map(Object.entries(template).map(([column, field]) => [words(column).join(' '), field]));
  const fixed: ColumnMapping[] = [];
  const ignored = new Set<number>();
  header.forEach((column, index) => {
    const field = byFolded.get(words(column).join(' '));
    if (field === '') ignored.add(index);
    else if (field && known.has(field) && !fixed.some((m) => m.field === field)) fixed.push({ column, index, field, confidence: 1 });
  });
  const auto = autoMap(entity, header);
  const columns = [...fixed];
  for (const m of auto.columns) {
    if (ignored.has(m.index) || columns.some((c) => c.index === m.index || c.field === m.field)) continue;
    columns.push(m);
  }
  columns.sort((a, b) => a.index - b.index);
  const used = new Set(columns.map((c) => c.index));
  return { columns, unmapped: header.filter((_, i) => !used.has(i)) };
}
