import type { DataClass } from '../policy/data-class.ts';
import type { UploadLimits } from '../uploads/upload-limits.ts';

/** Declared with every route; the app refuses to start if a route has none (fail closed). */
export interface RouteMeta {
  /** A permission known to the policy module ("public", "authenticated", "clinic.manage", …). */
  permission: string;
  dataClass: DataClass;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * A streamed upload route: the body is not buffered (no `maxBodyBytes`, no `parseBody()`); the handler
   * calls `receiveUpload(c)`, which writes each file to a temp file and answers 413 past these limits.
   */
  upload?: UploadLimits;
  /** Short pt-BR name of the screen, used in access histories ("Lista de bases", …). */
  screen?: string;
}

export const defaultMaxBodyBytes = 1024 * 1024;
