import { auditDetailsText, type Db } from '@painel/core/module';
import type { SQL } from 'drizzle-orm';
import { describeAction } from './action-labels.ts';
import { type AuditRow, auditBatch } from './audit-query.ts';
import { formatAuditTime } from './brasilia-time.ts';
import { csvLine, utf8Bom } from './csv.ts';

export const exportBatchSize = 2000;

export const csvHeader = [
  'ID',
  'Data e hora (Brasília)',
  'E-mail de quem fez',
  'ID do usuário',
  'Agindo por',
  'Singular',
  'Id da base',
  'Base',
  'Ação',
  'Descrição da ação',
  'Alvo',
  'Resultado',
  'IP',
  'ID da requisição',
  'Detalhes',
];

function rowCells(row: AuditRow) {
  return [
    row.id,
    formatAuditTime(row.at),
    row.actorEmail,
    row.actorUserId,
    row.actingFor,
    row.resellerName,
    row.clinicId,
    row.clinicName,
    row.action,
    describeAction(row.action),
    row.target,
    row.outcome === 'allowed' ? 'permitido' : 'negado',
    row.ip,
    row.requestId,
    auditDetailsText(row.details),
  ];
}

/**
 * The filtered audit rows as a CSV stream: newest first, read in keyset batches (each its own short
 * transaction through `run`), so a few million rows never sit in memory and no connection is held
 * while the client reads.
 */
export function auditCsvStream(
  run: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>,
  where: SQL | undefined,
  batchSize = exportBatchSize,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: number | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(utf8Bom + csvLine(csvHeader)));
          return;
        }
        const cursor = before;
        const batch = await run((tx) => auditBatch(tx, where, cursor, batchSize));
        if (batch.length > 0) {
          controller.enqueue(encoder.encode(batch.map((row) => csvLine(rowCells(row))).join('')));
          before = batch[batch.length - 1]!.id;
        }
        if (batch.length < batchSize) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
