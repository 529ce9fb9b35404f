import { and, eq, isNull } from 'drizzle-orm';
import { packages } from '../db/schema.ts';
import type { RetentionTarget } from './target.ts';

/** The final packages' CSV files (the package rows stay, 'apagado', with their manifest: names, rows, SHA-256). */
export const packageFiles: RetentionTarget = {
  name: 'pacotes finais',
  async deleteFor({ tx, ctx, now }, r) {
    const rows = await tx
      .select({ id: packages.id, files: packages.files })
      .from(packages)
      .where(and(eq(packages.resellerId, r.resellerId), eq(packages.requestId, r.id), isNull(packages.deletedAt)));
    let count = 0;
    let bytes = 0;
    for (const row of rows) {
      for (const file of row.files) {
        if (await ctx.files.delete(file.fileId)) {
          count += 1;
          bytes += file.bytes;
        }
      }
      await tx.update(packages).set({ state: 'apagado', deletedAt: now }).where(and(eq(packages.resellerId, r.resellerId), eq(packages.id, row.id)));
    }
    return { count, bytes };
  },
};
