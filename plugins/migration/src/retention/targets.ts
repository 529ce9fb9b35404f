/**
 * Everything the retention job deletes for a request 14 days after it closed, in order. Add a target
 * here for any per-request data the plugin keeps: `{ name, deleteFor(env, request) → { count, bytes? } }` (see target.ts).
 * The request itself keeps its metadata, timeline, thread text and reports.
 */
import { attachmentFiles } from './attachment-files.ts';
import { backupFiles } from './backup-files.ts';
import { backupPassword } from './backup-password.ts';
import { packageFiles } from './package-files.ts';
import { prevalidationFiles } from './prevalidation-files.ts';
import type { RetentionTarget } from './target.ts';
import { versionStaging } from './version-staging.ts';

export const retentionTargets: RetentionTarget[] = [backupFiles, attachmentFiles, prevalidationFiles, versionStaging, packageFiles, backupPassword];
