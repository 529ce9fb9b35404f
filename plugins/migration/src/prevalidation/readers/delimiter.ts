/**
 * Delimiter detection among `;`, `,`, tab and `|`: the first records of a sample are split the way a CSV
 * parser would (quotes respected, quoted line breaks kept inside the field), and the candidate whose
 * field count is largest and most consistent across those records wins; ties go in the order above.
 */

export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Count of delimiter occurrences outside quotes, per record, for the first `maxRecords` records. */
function countsPerRecord(sample: string, delimiter: string, maxRecords: number, complete: boolean): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let n = 0;
  let content = false;
  for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
    const c = sample[i];
    if (c === '"') {
      if (inQuotes && sample[i + 1] === '"') i++;
      else inQuotes = !inQuotes;
      content = true;
    } else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      if (content) counts.push(n);
      n = 0;
      content = false;
    } else if (!inQuotes && c === delimiter) {
      n++;
      content = true;
    } else content = true;
  }
  if (complete && content && counts.length < maxRecords) counts.push(n);
  return counts;
}

/** The delimiter of a CSV, from the decoded text of its beginning (`complete` when it is the whole file). */
export function detectDelimiter(sample: string, complete = false): Delimiter {
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = countsPerRecord(sample, d, 50, complete);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const rest = counts.slice(1);
    const consistent = rest.length === 0 ? 1 : rest.filter((c) => c === header).length / rest.length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
