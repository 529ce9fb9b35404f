export { BASE_ID_MAX_DIGITS, type BaseIdParse, isBaseId, parseBaseId } from './base-id.ts';
export {
  CLINIC_CSV_MAX_BYTES,
  CLINIC_CSV_MAX_ROWS,
  type ClinicCsvResult,
  type ClinicCsvRow,
  parseClinicCsv,
} from './clinic-csv.ts';
export { CLINIC_COLUMNS, type ClinicField } from './clinic-csv-columns.ts';
export {
  CITY_MAX_LENGTH,
  CLINIC_NAME_MAX_LENGTH,
  type ClinicCheck,
  type ClinicInput,
  type ClinicValue,
  checkClinic,
} from './clinic-row.ts';
export { formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj.ts';
export { formatCpf, isValidCpf, normalizeCpf } from './cpf.ts';
export type { CsvDelimiter } from './delimiter.ts';
export { EMAIL_MAX_LENGTH, isValidEmail, normalizeEmail } from './email.ts';
export type { TextEncoding } from './encoding.ts';
export {
  MULTI_CLINIC_MAX_BASES,
  MULTI_CLINIC_MAX_TEXT_LENGTH,
  type MultiClinicRequest,
  type MultiClinicRequestResult,
  parseMultiClinicRequest,
  type RequestError,
} from './multi-clinic-request.ts';
export { isUf, normalizeUf, type UfCode, UFS, ufName } from './uf.ts';
