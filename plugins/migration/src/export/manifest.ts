/**
 * The manifest of a final package (`manifest.json`): what the package is, how its CSVs are written, and
 * each file's entity, row count, size and SHA-256, so whoever imports it can check every byte.
 */
import type { EntityKey } from '../prevalidation/entities.ts';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'painel-singular/migracao-pacote-final@1';

export interface PackageFile {
  name: string;
  entity: EntityKey;
  /** Data rows (the header line not counted). */
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  request: number;
  clinic: { id: number; name: string };
  reseller: { id: number; name: string };
  version: number;
  createdAt: string;
  csv: { encoding: 'UTF-8'; bom: false; delimiter: ','; lineEnd: 'CRLF'; standard: 'RFC 4180' };
  files: PackageFile[];
}

export function buildManifest(input: Omit<Manifest, 'format' | 'csv'>): Manifest {
  return {
    format: MANIFEST_FORMAT,
    ...input,
    csv: { encoding: 'UTF-8', bom: false, delimiter: ',', lineEnd: 'CRLF', standard: 'RFC 4180' },
  };
}

export const manifestBytes = (m: Manifest): Uint8Array => new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
