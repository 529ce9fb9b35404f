import { and, eq, isNotNull } from 'drizzle-orm';
import { requestFiles } from '../db/schema.ts';
import type { RetentionTarget } from './target.ts';

/**
 * The legacy exports uploaded for pre-validation and their error CSVs (the rows stay: name, size, SHA-256,
 * mapping, report). The upload's id stays on its row (the column is required); its file is gone, so a
 * repeated run finds nothing to count.
 */
export const prevalidationFiles: RetentionTarget = {
  name: 'arquivos da pré-validação',
  async deleteFor({ tx, ctx }, r) {
    const rows = await tx
      .select({ id: requestFiles.id, fileRef: requestFiles.fileRef, errorsRef: requestFiles.errorsRef })
      .from(requestFiles)
      .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.requestId, r.id)));
    let count = 0;
    let bytes = 0;
    for (const row of rows) {
      for (const ref of [row.fileRef, row.errorsRef]) {
        if (!ref) continue;
        const info = await ctx.files.stat(ref);
        if (info && (await ctx.files.delete(ref))) {
          count += 1;
          bytes += info.size;
        }
      }
    }
    await tx
      .update(requestFiles)
      .set({ errorsRef: null })
      .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.requestId, r.id), isNotNull(requestFiles.errorsRef)));
    return { count, bytes };
  },
};
