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

/** How much of a CSV is read to find its header (and sniff its encoding and delimiter) at upload. */
const HEAD_BYTES = 4 * 1024 * 1024;

async function* once(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
  yield chunk;
}

/**
 * The header of a stored file, or UnusableInput (pt-BR) when it cannot be read: a CSV's first 4 MB only;
 * an XLSX is read through (a zip cannot be read from its start alone, nor stopped without a stream error).
 */
export async function storedHeader(files: StoredFiles, f: StoredFileRef): Promise<string[]> {
  try {
    if (f.format === 'csv') {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of await files.read(f.fileRef)) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size >= HEAD_BYTES) break; // ends the file stream cleanly
      }
      return (await openCsv(once(Buffer.concat(chunks)))).header;
    }
    const source = await openStored(files, f);
    if (f.format === 'xlsx') for await (const _ of source.batches) void _;
    return source.header;
  } catch (error) {
    if (error instanceof UnusableInput) throw error;
    throw new UnusableInput(`Não foi possível ler o arquivo (${(error as Error).message}).`);
  }
}
