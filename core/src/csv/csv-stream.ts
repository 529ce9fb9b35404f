/**
 * A CSV file as a byte stream (BOM, header, then one chunk per page of rows), pulled by the client:
 * the next page is read only when the previous one has been sent, so a slow download holds no more
 * than a page in memory. Pair with keysetPages for database exports and csvResponse for the route.
 */
import { type CsvRow, csvLine, csvLines, utf8Bom } from './csv-writer.ts';

export function csvStream<Row>(
  header: readonly string[],
  pages: AsyncIterable<readonly Row[]>,
  cells: (row: Row) => CsvRow,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(utf8Bom + csvLine(header)));
          return;
        }
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLines(next.value.map(cells))));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
