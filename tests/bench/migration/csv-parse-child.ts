/** The P4 baseline: csv-parse parsing a `;` Windows-1252 CSV (decoded as latin1) and doing nothing else. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) throw new Error('uso: csv-parse-child.ts ARQUIVO');
let records = 0;
const parser = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(parse({ delimiter: ';', encoding: 'latin1', relax_column_count: true, relax_quotes: true }));
for await (const _ of parser) records++;
console.log(JSON.stringify({ rows: records - 1 }));
