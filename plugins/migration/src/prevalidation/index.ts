/**
 * Pre-validation of legacy exports (issue 14): the API the CLI uses and a web upload would call.
 * Open a file or an upload stream, map its header, check it streaming, get the viability report.
 */
export { type CheckInput, type CheckOptions, checkFiles, type ErrorRow, prepare } from './check-files.ts';
export { ENTITIES, ENTITY_KEYS, type EntityDef, type EntityKey, type FieldDef, isEntityKey } from './entities.ts';
export { errorCsvCells, errorCsvFile, errorCsvHeader, errorCsvStream } from './error-csv.ts';
export { entityFromFileName, entityFromHeader } from './infer-entity.ts';
export { ERROR_KINDS, ERROR_LABELS, type ErrorKind, WARNING_KINDS, WARNING_LABELS, type WarningKind } from './kinds.ts';
export { applyTemplate, autoMap, type ColumnMapping, type Mapping, MIN_CONFIDENCE, scoreHeader } from './mapping.ts';
export { jsonReport } from './json-report.ts';
export { type FileReport, total, type Totals } from './report.ts';
export { openCsv } from './readers/csv-reader.ts';
export { openXlsx } from './readers/xlsx-reader.ts';
export { openMdb } from './readers/mdb-reader.ts';
export { openSource } from './readers/open-source.ts';
export { type Cell, type Encoding, type SourceRow, type TableSource, UnusableInput } from './readers/source.ts';
export { textReport } from './text-report.ts';
export * as generator from './generator/index.ts';
