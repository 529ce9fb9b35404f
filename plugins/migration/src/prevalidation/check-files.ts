/**
 * Pre-validation of the files of one request: each file opened (its header read, its entity inferred
 * when not given, its columns mapped — a saved template first, then automatically), then read once,
 * streaming, in an order that lets references be checked: convênios and procedimentos, then pacientes,
 * then the rest. Only the entities other files of the same call refer to are indexed, and a reference to
 * an entity whose file was not given is not checked.
 */
import { ENTITIES, type EntityKey } from './entities.ts';
import { entityFromFileName, entityFromHeader } from './infer-entity.ts';
import { applyTemplate, autoMap, type Mapping } from './mapping.ts';
import { type OpenOptions, openSource } from './readers/open-source.ts';
import { type Cell, type SourceRow, type TableSource, UnusableInput } from './readers/source.ts';
import { ReferenceIndex } from './reference-index.ts';
import { type FileReport, percent, ReportAccumulator } from './report.ts';
import { type Issue, RowChecker, type RowResult } from './row-checker.ts';

export interface CheckInput {
  /** The file's name as given (and its path on disk when `source` is not given). */
  file: string;
  entity?: EntityKey;
  /** An already opened source (an upload's stream); otherwise the file is opened by its extension. */
  source?: TableSource;
  sheet?: string;
  table?: string;
}

export interface ErrorRow {
  file: string;
  entity: EntityKey;
  header: readonly string[];
  line: number;
  cells: readonly Cell[];
  issues: readonly Issue[];
}

export interface CheckOptions {
  /** The saved template (column → field) of the legacy system for an entity, if any. */
  template?: (entity: EntityKey) => Readonly<Record<string, string>> | undefined;
  /** A whole mapping chosen by the user (the review screen), by file name. */
  mappingFor?: (file: string, entity: EntityKey, header: readonly string[]) => Mapping | undefined;
  /** Called for each row with an error (for the error CSV); awaited, so a slow sink slows the reading. */
  onErrorRow?: (row: ErrorRow) => void | Promise<void>;
  /** Called for every row checked (valid or not), with the check's result (reused: copy what you keep); awaited. */
  onRow?: (file: string, row: SourceRow, result: RowResult) => void | Promise<void>;
  /** Called every `progressEvery` rows and at each file's end. */
  onProgress?: (file: string, rows: number) => void;
  progressEvery?: number;
}

const RANK: Record<EntityKey, number> = {
  convenios: 0,
  procedimentos: 0,
  pacientes: 1,
  agendamentos: 2,
  prontuarios: 2,
  documentos_gerados: 2,
  modelos_documentos: 2,
  modelos_prescricao: 2,
  imagens_documentos: 2,
};

interface Opened {
  input: CheckInput;
  entity: EntityKey;
  source: TableSource;
  mapping: Mapping;
}

const blank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

async function open(input: CheckInput): Promise<TableSource> {
  if (input.source) return input.source;
  const named = input.entity ?? entityFromFileName(input.file);
  const options: OpenOptions = { sheet: input.sheet, table: input.table, entityWords: named ? ENTITIES[named].fileWords : undefined };
  try {
    return await openSource(input.file, options);
  } catch (error) {
    if (error instanceof UnusableInput) throw new UnusableInput(`${input.file}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnusableInput(`${input.file}: arquivo não encontrado.`);
    if (code === 'EISDIR') throw new UnusableInput(`${input.file}: é uma pasta, não um arquivo.`);
    throw new UnusableInput(`${input.file}: não foi possível ler o arquivo (${(error as Error).message}).`);
  }
}

/** Opens every file and settles its entity and mapping; throws UnusableInput (pt-BR) for input that cannot be checked. */
export async function prepare(inputs: readonly CheckInput[], options: CheckOptions = {}): Promise<Opened[]> {
  if (inputs.length === 0) throw new UnusableInput('Nenhum arquivo informado.');
  const opened: Opened[] = [];
  for (const input of inputs) {
    const source = await open(input);
    const entity = input.entity ?? entityFromFileName(input.file) ?? entityFromHeader(source.header);
    if (!entity) throw new UnusableInput(`${input.file}: não foi possível saber a entidade pelo nome do arquivo nem pelo cabeçalho; informe-a (ex.: pacientes=${input.file}).`);
    const template = options.template?.(entity);
    const mapping = options.mappingFor?.(input.file, entity, source.header) ?? (template ? applyTemplate(entity, source.header, template) : autoMap(entity, source.header));
    if (mapping.columns.length === 0)
      throw new UnusableInput(`${input.file}: nenhuma coluna do cabeçalho corresponde a um campo de ${ENTITIES[entity].label.toLowerCase()} (a primeira linha é o cabeçalho?).`);
    opened.push({ input, entity, source, mapping });
  }
  return opened;
}

/** Checks the files of one call and returns one report per file, in the order given. */
export async function checkFiles(inputs: readonly CheckInput[], options: CheckOptions = {}): Promise<FileReport[]> {
  const opened = await prepare(inputs, options);
  const given = new Set(opened.map((o) => o.entity));
  const references = new ReferenceIndex();
  for (const o of opened)
    for (const m of o.mapping.columns) {
      const refers = ENTITIES[o.entity].fields.find((f) => f.key === m.field)?.refers;
      if (refers && given.has(refers)) references.track(refers);
    }
  const order = [...opened.keys()].sort((a, b) => RANK[opened[a]!.entity] - RANK[opened[b]!.entity] || a - b);
  const reports: FileReport[] = new Array(opened.length);
  for (const i of order) {
    try {
      reports[i] = await checkOne(opened[i]!, references, options);
    } catch (error) {
      // A file that stops being readable midway (a quote never closed) is refused by name.
      if (error instanceof UnusableInput) throw new UnusableInput(`${opened[i]!.input.file}: ${error.message}`);
      throw error;
    }
  }
  return reports;
}

async function checkOne({ input, entity, source, mapping }: Opened, references: ReferenceIndex, options: CheckOptions): Promise<FileReport> {
  const checker = new RowChecker(entity, mapping.columns, references);
  const acc = new ReportAccumulator();
  const every = options.progressEvery ?? 10_000;
  const shown = source.shown ?? ((text: string) => text);
  for await (const batch of source.batches) {
    for (const row of batch) {
      if (blank(row.cells)) continue;
      const result = checker.check(row.cells);
      acc.add(row.line, result);
      if (options.onRow) await options.onRow(input.file, row, result);
      if (result.errors !== 0 && options.onErrorRow) {
        const cells = row.cells.map((c) => (typeof c === 'string' ? shown(c) : c));
        const issues = result.issues.map((i) => ({ ...i, shown: shown(i.shown), reason: shown(i.reason) }));
        await options.onErrorRow({ file: input.file, entity, header: source.header, line: row.line, cells, issues });
      }
      if (options.onProgress && acc.rows % every === 0) options.onProgress(input.file, acc.rows);
    }
  }
  options.onProgress?.(input.file, acc.rows);
  const samples = acc.sampleRows();
  for (const list of Object.values(samples)) for (const s of list ?? []) Object.assign(s, { value: shown(s.value), reason: shown(s.reason) });
  const unchecked = [
    ...new Set(
      mapping.columns.flatMap((m) => {
        const refers = ENTITIES[entity].fields.find((f) => f.key === m.field)?.refers;
        return refers && !references.tracks(refers) ? [refers] : [];
      }),
    ),
  ];
  return {
    file: input.file,
    entity,
    format: source.format,
    encoding: source.encoding(),
    delimiter: source.delimiter,
    rows: acc.rows,
    valid: acc.valid,
    validPercent: percent(acc.valid, acc.rows),
    errors: acc.errors(),
    warnings: acc.warnings(),
    samples,
    mapping,
    unchecked,
    practitioners: [...checker.practitioners.counts].map(([name, rows]) => ({ name: shown(name), rows })).sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name)),
  };
}
