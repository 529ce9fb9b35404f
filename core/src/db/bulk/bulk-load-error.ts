/**
 * A bulk load (`copyInto`) refused its input or its target: the pt-BR message says which row and
 * column, or which table. Thrown before or while loading; the caller's transaction (or savepoint)
 * rolls back, so nothing of the load stays.
 */
export class BulkLoadError extends Error {
  override name = 'BulkLoadError';
  /** 1-based position of the offending row in the input, when one row is to blame. */
  readonly row: number | undefined;

  constructor(message: string, options: { row?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.row = options.row;
  }
}
