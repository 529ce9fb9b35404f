/**
 * The validation job of a request's files ("prevalidate"): every current file of the request is read
 * from the store, merged with its corrections and checked together (the cross-file checks need them
 * all), with the engine the CLI uses. Each file's report, reading (encoding, delimiter, header), the
 * mapping it was checked with and its error CSV (core's CSV writer, kept in the store) are saved in one
 * transaction at the end; the file the job was queued for gets an entry in its history. The reading
 * runs outside any transaction: a large file holds no database connection.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine, type Db, type JobRun, type PluginContext, utf8Bom } from '@painel/core/plugin';
import { and, eq, inArray } from 'drizzle-orm';
import { type FileCheck, requestFiles, requests } from '../db/schema.ts';
import { checkFiles } from '../prevalidation/check-files.ts';
import { errorCsvCells, errorCsvHeader } from '../prevalidation/error-csv.ts';
import { UnusableInput } from '../prevalidation/readers/source.ts';
import type { FileReport } from '../prevalidation/report.ts';
import { currentFiles, type RequestFileRow } from './file-rows.ts';
import type { MergeStats } from './merged-source.ts';
import { inputKey, openRequestInputs } from './request-inputs.ts';
import { templatesOf } from './templates.ts';

export const PREVALIDATE = 'prevalidate';

export interface PrevalidatePayload {
  requestId: number;
  /** The file (whole file or correction) whose upload or mapping queued this check. */
  fileId: number;
  reason: FileCheck['reason'];
  byName: string;
}

/** A file's saved report: the engine's, under the file's own name, with how its corrections merged. */
export type StoredReport = FileReport & { merge?: MergeStats; templateApplied?: boolean };

interface ErrorSink {
  path: string;
  out: WriteStream;
  rows: number;
}

export async function prevalidate(run: JobRun<PrevalidatePayload>, ctx: PluginContext<unknown>): Promise<void> {
  const { requestId, fileId, reason, byName } = run.payload;
  const scope = { kind: 'reseller' as const, resellerId: run.resellerId! };
  const { files, templates } = await ctx.scoped(scope, async (tx) => {
    const [r] = await tx.select({ legacySystemId: requests.legacySystemId }).from(requests).where(and(eq(requests.resellerId, scope.resellerId), eq(requests.id, requestId)));
    if (!r) return { files: [], templates: new Map<string, Record<string, string>>() };
    return { files: await currentFiles(tx, requestId), templates: await templatesOf(tx, r.legacySystemId) };
  });
  if (files.length === 0) return;
  await run.progress(1, 'Abrindo os arquivos…');
  const dir = await mkdtemp(join(tmpdir(), 'prevalidate-'));
  const sinks = new Map<string, ErrorSink>();
  try {
    let reports: FileReport[];
    let opened;
    try {
      opened = await openRequestInputs(ctx.files, files, (entity) => templates.get(entity));
      const names = new Map(files.map(({ file }) => [inputKey(file), file.originalName]));
      let done = 0;
      reports = await checkFiles(opened.inputs, {
        mappingFor: opened.mappingFor,
        progressEvery: 20_000,
        onProgress: (key, rows) => {
          void run.progress(Math.min(99, 2 + (done / files.length) * 97), `${names.get(key) ?? key}: ${rows.toLocaleString('pt-BR')} linhas verificadas`).catch(() => {});
        },
        onErrorRow: async (row) => {
          let sink = sinks.get(row.file);
          if (!sink) {
            const path = join(dir, `${sinks.size}.csv`);
            sink = { path, out: createWriteStream(path), rows: 0 };
            sink.out.write(utf8Bom + csvLine(errorCsvHeader(row.header)));
            sinks.set(row.file, sink);
          }
          sink.rows++;
          if (!sink.out.write(csvLine(errorCsvCells(row)))) await once(sink.out, 'drain');
        },
      });
      done = files.length;
    } catch (error) {
      if (error instanceof UnusableInput) {
        const id = /^#(\d+): /.exec(error.message);
        await markUnusable(ctx, scope, id ? Number(id[1]) : fileId, error.message, byName, reason);
        return;
      }
      throw error;
    }
    run.signal.throwIfAborted();
    await run.progress(99, 'Salvando o relatório…');
    const kept = new Map<string, string>();
    for (const [key, sink] of sinks) {
      sink.out.end();
      await once(sink.out, 'finish');
      kept.set(key, (await ctx.files.put(createReadStream(sink.path))).id);
    }
    const stale: string[] = [];
    const now = ctx.clock.now();
    await ctx.scoped(scope, async (tx) => {
      for (const [i, { file, corrections }] of files.entries()) {
        const key = inputKey(file);
        const templateApplied = file.mapping === null ? templates.has(file.entity) : Boolean(file.report?.templateApplied);
        const report: StoredReport = { ...reports[i]!, file: file.originalName, merge: opened.merges.get(key), templateApplied };
        const touched = file.id === fileId || corrections.some((c) => c.id === fileId);
        const history: FileCheck[] = touched ? [...file.history, checkOf(report, reason, byName, now)] : file.history;
        if (file.errorsRef) stale.push(file.errorsRef);
        await tx
          .update(requestFiles)
          .set({
            encoding: report.encoding,
            delimiter: report.delimiter,
            header: opened.headers.get(key) ?? file.header,
            mapping: report.mapping.columns,
            rows: report.rows,
            validRows: report.valid,
            report: report as unknown as Record<string, unknown>,
            history,
            errorsRef: kept.get(key) ?? null,
            status: file.status === 'enviado' ? 'verificado' : file.status,
          })
          .where(and(eq(requestFiles.resellerId, file.resellerId), eq(requestFiles.id, file.id)));
        const pending = corrections.filter((c) => c.status === 'enviado').map((c) => c.id);
        if (pending.length > 0)
          await tx
            .update(requestFiles)
            .set({ status: 'verificado' })
            .where(and(eq(requestFiles.resellerId, file.resellerId), inArray(requestFiles.id, pending)));
      }
    });
    for (const ref of stale) await ctx.files.delete(ref);
    await run.progress(100, 'Verificação concluída.');
  } finally {
    for (const sink of sinks.values()) sink.out.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

function checkOf(report: FileReport, reason: FileCheck['reason'], byName: string, at: Date): FileCheck {
  return { at: at.toISOString(), reason, byName, rows: report.rows, valid: report.valid, validPercent: report.validPercent, errors: report.errors as Record<string, number> };
}

/** A file the engine cannot read: its report says why (pt-BR) and it stays out of the next checks' totals. */
async function markUnusable(ctx: PluginContext<unknown>, scope: { kind: 'reseller'; resellerId: number }, fileId: number, message: string, byName: string, reason: FileCheck['reason']): Promise<void> {
  await ctx.scoped(scope, async (tx: Db) => {
    const [file] = await tx.select().from(requestFiles).where(and(eq(requestFiles.resellerId, scope.resellerId), eq(requestFiles.id, fileId)));
    if (!file) return;
    const history: FileCheck[] = [...file.history, { at: ctx.clock.now().toISOString(), reason, byName, rows: 0, valid: 0, validPercent: 0, errors: {} }];
    await tx
      .update(requestFiles)
      .set({ status: 'substituido', report: { unusable: message.replace(/^#\d+: /, '') }, history, rows: 0, validRows: 0 })
      .where(and(eq(requestFiles.resellerId, file.resellerId), eq(requestFiles.id, file.id)));
  });
}

export type { RequestFileRow };
