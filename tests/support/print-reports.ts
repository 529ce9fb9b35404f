import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The standing figures at the end of `.ci/run`: one line per `data/test-reports/*.json` that the test
 * run wrote (authorization matrix, crawl-replay, fuzzing, soak, …), whatever their fields. A missing
 * folder or an unreadable file is reported, never an error.
 */
const dir = fileURLToPath(new URL('../../data/test-reports', import.meta.url));

/** `key=value` pairs of a report: scalars as they are, objects one level down (`byStatus.200=…`), lists by length. */
export function figures(report: unknown, prefix = '', depth = 0): string[] {
  if (report === null || typeof report !== 'object') return [`${prefix || 'value'}=${scalar(report)}`];
  const out: string[] = [];
  for (const [key, value] of Object.entries(report)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) out.push(`${name}=[${value.length}]`);
    else if (value !== null && typeof value === 'object') out.push(...(depth < 1 ? figures(value, name, depth + 1) : [`${name}={…}`]));
    else out.push(`${name}=${scalar(value)}`);
  }
  return out;
}

function scalar(value: unknown): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ') : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function reportLines(folder: string): string[] {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [`(no reports: ${folder} does not exist)`];
  }
  if (files.length === 0) return [`(no reports in ${folder})`];
  return files.map((file) => {
    const name = file.replace(/\.json$/, '');
    try {
      return `${name}: ${figures(JSON.parse(readFileSync(join(folder, file), 'utf8'))).join(' ')}`;
    } catch (error) {
      return `${name}: unreadable (${error instanceof Error ? error.message : String(error)})`;
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log('Standing figures (data/test-reports):');
  for (const line of reportLines(process.argv[2] ?? dir)) console.log(`  ${line}`);
}
