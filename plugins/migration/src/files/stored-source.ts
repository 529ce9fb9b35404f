/** A stored upload (the plugin's file store) opened as a table source, by its recorded format. */
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ENTITIES, type EntityKey } from '../prevalidation/entities.ts';
import { openCsv } from '../prevalidation/readers/csv-reader.ts';
import { type TableSource, UnusableInput } from '../prevalidation/readers/source.ts';

/** What reading a stored file needs: the plugin's store (`ctx.files`), reading only. */
export interface StoredFiles {
  read(id: string): Promise<Readable>;
}

/** Access files are read whole by mdb-reader (it needs random access): above this, the upload is refused. */
export const MAX_MDB_BYTES = 512 * 1024 * 1024;

export interface StoredFileRef {
  fileRef: string;
  format: 'csv' | 'xlsx' | 'mdb';
  entity: string;
  sheet: string | null;
}

export async function openStored(files: StoredFiles, f: StoredFileRef): Promise<TableSource> {
  const stream = await files.read(f.fileRef);
  if (f.format === 'csv') return openCsv(stream);
  if (f.format === 'xlsx') return (await import('../prevalidation/readers/xlsx-reader.ts')).openXlsx(stream, { sheet: f.sheet ?? undefined });
  const bytes = await buffer(stream);
  if (bytes.length > MAX_MDB_BYTES) throw new UnusableInput('Arquivo Access grande demais para leitura (máximo 512 MB); exporte as tabelas em CSV.');
  const entity = f.entity as EntityKey;
  return (await import('../prevalidation/readers/mdb-reader.ts')).openMdb(bytes, { table: f.sheet ?? undefined, entityWords: ENTITIES[entity]?.fileWords });
}
