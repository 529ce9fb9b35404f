/**
 * Checks a final package the way whoever imports it would: unzip it (yauzl), read `manifest.json`, and
 * recompute each listed file's SHA-256, size and row count. Used by the tests and available to the
 * migration team's scripts through the package's entry.
 */
import { createHash } from 'node:crypto';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { type Manifest, MANIFEST_NAME } from './manifest.ts';

export interface VerifiedPackage {
  manifest: Manifest | null;
  /** Every entry's bytes, by name. */
  files: Map<string, Buffer>;
  /** What does not match (pt-BR); empty when every checksum, size and count verifies. */
  problems: string[];
}

function entries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (error: Error | null, file: ZipFile) => {
      if (error) return reject(error);
      const out = new Map<string, Buffer>();
      file.on('error', reject);
      file.on('end', () => resolve(out));
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

/** Data rows of a machine CSV: CRLF record ends outside quotes, minus the header line. */
export function countCsvRows(bytes: Buffer): number {
  let quoted = false;
  let records = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && b === 0x0d && bytes[i + 1] === 0x0a) records++;
  }
  return Math.max(0, records - 1);
}

export async function verifyPackage(zip: Buffer): Promise<VerifiedPackage> {
  const files = await entries(zip);
  const raw = files.get(MANIFEST_NAME);
  if (!raw) return { manifest: null, files, problems: ['O pacote não tem manifest.json.'] };
  const manifest = JSON.parse(raw.toString('utf8')) as Manifest;
  const problems: string[] = [];
  for (const f of manifest.files) {
    const bytes = files.get(f.name);
    if (!bytes) {
      problems.push(`${f.name}: ausente do pacote.`);
      continue;
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== f.sha256) problems.push(`${f.name}: SHA-256 ${sha} difere do manifesto (${f.sha256}).`);
    if (bytes.length !== f.bytes) problems.push(`${f.name}: ${bytes.length} bytes, o manifesto diz ${f.bytes}.`);
    const rows = countCsvRows(bytes);
    if (rows !== f.rows) problems.push(`${f.name}: ${rows} linhas, o manifesto diz ${f.rows}.`);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push(`${f.name}: começa com BOM.`);
  }
  for (const name of files.keys()) {
    if (name !== MANIFEST_NAME && !manifest.files.some((f) => f.name === name)) problems.push(`${name}: fora do manifesto.`);
  }
  return { manifest, files, problems };
}
