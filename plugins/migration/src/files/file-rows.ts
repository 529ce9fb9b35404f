/** A row of `migration.request_files`, and reading a request's files. */
import type { Db } from '@painel/core/plugin';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { requestFiles } from '../db/schema.ts';

export type RequestFileRow = typeof requestFiles.$inferSelect;

/** The request's current files (whole files, not replaced), each with its checked corrections, oldest first. */
export async function currentFiles(tx: Db, requestId: number, statuses?: ReadonlyArray<RequestFileRow['status']>): Promise<Array<{ file: RequestFileRow; corrections: RequestFileRow[] }>> {
  const files = await tx
    .select()
    .from(requestFiles)
    .where(
      and(
        eq(requestFiles.requestId, requestId),
        isNull(requestFiles.correctsFileId),
        statuses ? inArray(requestFiles.status, [...statuses]) : ne(requestFiles.status, 'substituido'),
      ),
    )
    .orderBy(asc(requestFiles.id));
  if (files.length === 0) return [];
  const corrections = await tx
    .select()
    .from(requestFiles)
    .where(and(eq(requestFiles.requestId, requestId), inArray(requestFiles.correctsFileId, files.map((f) => f.id)), ne(requestFiles.status, 'substituido')))
    .orderBy(asc(requestFiles.id));
  return files.map((file) => ({ file, corrections: corrections.filter((c) => c.correctsFileId === file.id) }));
}
