import { describe, expect, it } from 'vitest';
import { contentDisposition, csvResponse } from './csv-response.ts';
import { csvStream } from './csv-stream.ts';
import { keysetPages } from './keyset-pages.ts';

/** A keyset source over an in-memory list that records each "transaction" it is asked to run. */
function source(total: number, pageSize: number) {
  const rows = Array.from({ length: total }, (_, i) => ({ id: i + 1, name: i % 2 ? `=cmd${i}` : `Clínica ${i}` }));
  const transactions: Array<number | null> = [];
  return {
    transactions,
    keyset: {
      run: async <T,>(fn: (tx: string) => Promise<T>) => fn('tx'),
      page: async (_tx: string, after: number | null, limit: number) => {
        transactions.push(after);
        return rows.filter((r) => after === null || r.id > after).slice(0, limit);
      },
      keyOf: (r: { id: number }) => r.id,
      pageSize,
    },
  };
}

/** The body as text, BOM kept (Response#text() drops it). */
const bodyText = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

describe('keyset pages', () => {
  it('reads pages after the last key, one transaction each, stopping at a short page', async () => {
    const s = source(7, 3);
    const pages: number[][] = [];
    for await (const page of keysetPages(s.keyset)) pages.push(page.map((r) => r.id));
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(s.transactions).toEqual([null, 3, 6]);
  });

  it('an exact multiple of the page size ends with one empty read; no rows gives no page', async () => {
    const exact = source(6, 3);
    const sizes: number[] = [];
    for await (const page of keysetPages(exact.keyset)) sizes.push(page.length);
    expect(sizes).toEqual([3, 3]);
    expect(exact.transactions).toEqual([null, 3, 6]);
    const empty = source(0, 3);
    for await (const page of keysetPages(empty.keyset)) sizes.push(page.length);
    expect(sizes).toEqual([3, 3]);
  });

  it('refuses a page size that is not a positive integer', async () => {
    const s = source(1, 0);
    await expect(keysetPages(s.keyset).next()).rejects.toThrow(/Tamanho de página inválido/);
  });
});

describe('CSV stream', () => {
  it('sends BOM and header, then each page through the guarded writer; any page size gives the same bytes', async () => {
    const read = (pageSize: number) => {
      const s = source(5, pageSize);
      return bodyText(new Response(csvStream(['ID', 'Nome'], keysetPages(s.keyset), (r) => [r.id, r.name])));
    };
    const text = await read(2);
    expect(text).toBe('\uFEFFID;Nome\r\n1;Clínica 0\r\n2;\'=cmd1\r\n3;Clínica 2\r\n4;\'=cmd3\r\n5;Clínica 4\r\n');
    expect(await read(100)).toBe(text);
  });

  it('reads the next page only when the client pulls', async () => {
    const s = source(10, 2);
    const reader = csvStream(['ID'], keysetPages(s.keyset), (r) => [r.id]).getReader();
    await reader.read(); // header
    await reader.read(); // first page
    expect(s.transactions).toEqual([null]);
    await reader.cancel();
    expect(s.transactions).toEqual([null]);
  });

  it('fails the download when a page fails', async () => {
    async function* broken(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error('conexão perdida');
    }
    await expect(new Response(csvStream(['n'], broken(), (n) => [n])).text()).rejects.toThrow('conexão perdida');
  });
});

describe('CSV response', () => {
  it('names the file in pt-BR with an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('análise-tarefas (v2).csv')).toBe(
      `attachment; filename="analise-tarefas (v2).csv"; filename*=UTF-8''an%C3%A1lise-tarefas%20%28v2%29.csv`,
    );
    expect(contentDisposition('foto "1".png', 'inline')).toBe(`inline; filename="foto _1_.png"; filename*=UTF-8''foto%20%221%22.png`);
  });

  it('is a text/csv attachment, never cached', async () => {
    const res = csvResponse('\uFEFFa\r\n', 'auditoria-2026-03-02.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="auditoria-2026-03-02.csv"; filename*=UTF-8''auditoria-2026-03-02.csv`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await bodyText(res)).toBe('\uFEFFa\r\n');
  });
});
