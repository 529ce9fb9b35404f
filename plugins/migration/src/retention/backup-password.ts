import { and, eq, isNotNull, or } from 'drizzle-orm';
import { requests } from '../db/schema.ts';
import type { RetentionTarget } from './target.ts';

/** The backup password (erased already at closing; this makes sure nothing of it is left, its hint included). */
export const backupPassword: RetentionTarget = {
  name: 'senhas de backup',
  async deleteFor({ tx }, r) {
    const rows = await tx
      .update(requests)
      .set({ passwordCipher: null, passwordHint: null })
      .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id), or(isNotNull(requests.passwordCipher), isNotNull(requests.passwordHint))))
      .returning({ id: requests.id });
    return { count: rows.length };
  },
};
