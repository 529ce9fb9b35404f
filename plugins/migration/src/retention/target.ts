import type { Db, PluginContext } from '@painel/core/plugin';
import type { RequestRow } from '../store/request-store.ts';

/** What a retention target works with: the base's transaction (row-level security: the request's base), the plugin context, the run's instant. */
export interface RetentionEnv {
  tx: Db;
  ctx: PluginContext<unknown>;
  now: Date;
}

/** How much one target deleted: items (files, rows, secrets) and, for files, their bytes. */
export interface RetentionResult {
  count: number;
  bytes?: number;
}

/**
 * Per-request data the retention job deletes 14 days after closing. `deleteFor` must be idempotent (a
 * run that failed half-way is repeated): delete what is still there, count it, and leave the request's
 * metadata, timeline and reports alone. Files go with `ctx.files.delete` before the transaction commits.
 */
export interface RetentionTarget {
  /** pt-BR, plural, as the audit entry and the request page list it ("backups", "anexos do chat"). */
  name: string;
  deleteFor(env: RetentionEnv, request: RequestRow): Promise<RetentionResult>;
}
