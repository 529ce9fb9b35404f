/** Realistic legacy exports with a known number of defects of each kind, for tests, demo data and the bench. */
export { agendamentos, convenios, type Defects, type GeneratedTable, PATIENT_HEADERS, patients, procedimentos } from './tables.ts';
export { type CsvFormat, csvText, writeCsv, writeXlsx } from './write.ts';
