/**
 * Keyset pagination for large reads (exports of millions of rows): pages of `pageSize` rows ordered by
 * a key, each read by `page(tx, after, limit)` in its own short transaction through `run` (e.g. the
 * request's tenant-scoped transaction helper), so no connection or transaction stays open while a
 * slow client reads and memory holds one page at a time. `after` is null for the first page, then the
 * key of the previous page's last row; `page` must return the rows after that key, in key order.
 */
export interface KeysetSource<Tx, Row, Key> {
  run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  page: (tx: Tx, after: Key | null, limit: number) => Promise<readonly Row[]>;
  keyOf: (row: Row) => Key;
  /** Rows per page (and per transaction); 2000 by default. */
  pageSize?: number;
}

export const defaultPageSize = 2000;

/** The pages, one transaction each; stops after the first page shorter than `pageSize`. */
export async function* keysetPages<Tx, Row, Key>(source: KeysetSource<Tx, Row, Key>): AsyncGenerator<readonly Row[]> {
  const limit = source.pageSize ?? defaultPageSize;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Tamanho de página inválido: ${limit}.`);
  let after: Key | null = null;
  for (;;) {
    const cursor: Key | null = after;
    const rows = await source.run((tx) => source.page(tx, cursor, limit));
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    after = source.keyOf(rows[rows.length - 1]!);
  }
}
