import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openMdb } from './mdb-reader.ts';
import { type SourceRow, UnusableInput } from './source.ts';

/** Real Access files (fixtures/README.md): Access 2007+ and Access 97. */
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function allRows(batches: AsyncIterable<SourceRow[]>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

describe('the Access (MDB/ACCDB) reader', () => {
  it('reads the only table of an Access 2007+ file: header, rows numbered from line 2, typed cells', async () => {
    const source = await openMdb(fixture('asset-items-2007.accdb'));
    expect(source.format).toBe('mdb');
    expect(source.header).toEqual(['Asset No', 'Asset Category', 'Make', 'Model', 'Description', 'Owner', 'Serial No', 'Acquired', 'Cost', 'Warranty', 'Tax Scale', 'Supplier No', 'Comments']);
    const rows = await allRows(source.batches);
    expect(rows).toHaveLength(65);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 65 }, (_, i) => i + 2));
    const first = Object.fromEntries(source.header.map((h, i) => [h, rows[0]!.cells[i]]));
    expect(first).toMatchObject({ 'Asset No': '30050', Description: 'Computer', Warranty: 12, Cost: '1995.5000', Comments: null });
    // A date column comes as a Date at midnight UTC (Access keeps no zone), so the calendar day survives normalisation.
    expect(first.Acquired).toEqual(new Date('1997-09-02T00:00:00.000Z'));
  });

  it('asks which table when an Access 97 file has several, and finds one by name whatever its case', async () => {
    await expect(openMdb(readFileSync(fixture('four-tables-97.mdb')))).rejects.toThrow(new UnusableInput('Não encontrei a tabela no banco Access; tabelas: Table1, Table2, Table3, Table4.'));
    const source = await openMdb(readFileSync(fixture('four-tables-97.mdb')), { table: 'TABLE1' });
    expect(source.header).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    const rows = await allRows(source.batches);
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b', 0, 0, 0, 0, new Date('1981-12-12T00:00:00.000Z'), '0.0000', false],
      ['abcdefg', 'hijklmnop', 2, 222, 333333333, 444.555, new Date('1974-09-21T00:00:00.000Z'), '3.5000', true],
    ]);
  });

  it('picks the table whose name names the entity when several are present', async () => {
    const source = await openMdb(readFileSync(fixture('four-tables-97.mdb')), { entityWords: ['table3'] });
    expect(source.header).toEqual(['a', 'b']);
    expect(await allRows(source.batches)).toEqual([]);
  });

  it('refuses bytes that are not an Access database with a pt-BR message', async () => {
    await expect(openMdb(Buffer.from('Nome;CPF\r\nMaria;123\r\n'))).rejects.toThrow(new UnusableInput('Não foi possível ler o banco Access (MDB/ACCDB).'));
  });
});
