/**
 * `npm run migration:check -- [--json] [--system NOME] [entidade=]ARQUIVO...`: the viability report of
 * legacy exports on disk, for the migration team's scripts. pt-BR text by default; with --json, stdout
 * carries only the JSON document (messages go to stderr). With --errors DIR, one error CSV per file with
 * errors. Exit 0 when a report was produced, 2 on unusable input (with a pt-BR message).
 */
import { mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { type CheckInput, checkFiles, type ErrorRow } from '../prevalidation/check-files.ts';
import type { EntityKey } from '../prevalidation/entities.ts';
import type { ErrorCsvFile } from '../prevalidation/error-csv.ts';
import { jsonReport } from '../prevalidation/json-report.ts';
import { UnusableInput } from '../prevalidation/readers/source.ts';
import { textReport } from '../prevalidation/text-report.ts';
import { parseCliArgs } from './args.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Loads a legacy system's saved templates (entity → column → field); only called with --system. */
  loadTemplates?: (system: string) => Promise<Partial<Record<EntityKey, Record<string, string>>>>;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    let templates: Partial<Record<EntityKey, Record<string, string>>> = {};
    if (args.system) {
      if (!io.loadTemplates) throw new UnusableInput('Modelos de mapeamento não disponíveis (sem banco de dados).');
      templates = await io.loadTemplates(args.system);
      io.err(`Modelo de mapeamento do sistema "${args.system}": ${Object.keys(templates).length ? Object.keys(templates).join(', ') : 'nenhum salvo; mapeamento automático'}.\n`);
    }
    const inputs: CheckInput[] = args.files.map((f) => ({ ...f, sheet: args.sheet, table: args.table }));
    const sinks = new Map<string, ErrorCsvFile>();
    if (args.errorsDir) mkdirSync(args.errorsDir, { recursive: true });
    // Core's CSV writer (and the plugin API it comes with) is loaded only when an error CSV is asked for.
    const errorCsvFile = args.errorsDir ? (await import('../prevalidation/error-csv.ts')).errorCsvFile : null;
    const onErrorRow = args.errorsDir
      ? async (row: ErrorRow) => {
          let sink = sinks.get(row.file);
          if (!sink) {
            sink = errorCsvFile!(join(args.errorsDir!, `${basename(row.file, extname(row.file))}.erros.csv`), row.header);
            sinks.set(row.file, sink);
          }
          await sink.add(row);
        }
      : undefined;
    const reports = await checkFiles(inputs, { template: (entity) => templates[entity], onErrorRow });
    for (const [file, sink] of sinks) io.err(`Erros de ${file}: ${await sink.close()} linhas em ${args.errorsDir}\n`);
    io.out(args.json ? `${JSON.stringify(jsonReport(reports), null, 2)}\n` : textReport(reports));
    return 0;
  } catch (error) {
    if (error instanceof UnusableInput) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
