/** Declared on a route (`RouteMeta.upload`): the body is streamed to temp files, never held whole in memory. */
export interface UploadLimits {
  /** Largest accepted file, in bytes. A larger file stops the upload: 413, nothing kept. */
  maxFileBytes: number;
  /** Most files in one request (default 1). */
  maxFiles?: number;
  /** Most ordinary form fields (default 100). */
  maxFields?: number;
  /** Largest ordinary field value, in bytes (default 64 KiB). */
  maxFieldBytes?: number;
}

export const defaultMaxFields = 100;
export const defaultMaxFieldBytes = 64 * 1024;

/** Room for multipart boundaries and part headers on top of files and fields. */
const envelopeBytes = 64 * 1024;

/** The largest body an upload route reads: every file at its limit, every field at its limit, plus envelopes. */
export function uploadBodyBound(limits: UploadLimits): number {
  const files = (limits.maxFiles ?? 1) * limits.maxFileBytes;
  const fields = (limits.maxFields ?? defaultMaxFields) * (limits.maxFieldBytes ?? defaultMaxFieldBytes);
  return files + fields + envelopeBytes;
}

/** Throws on limits a route cannot mean (checked when the route is registered). */
export function assertUploadLimits(where: string, limits: UploadLimits): void {
  const positive = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n > 0);
  if (!positive(limits.maxFileBytes) || !positive(limits.maxFiles) || !positive(limits.maxFields) || !positive(limits.maxFieldBytes)) {
    throw new Error(`Route ${where} declares invalid upload limits (positive whole numbers of bytes/items)`);
  }
}
