import { auditDetailsText, csvStream, type Db, formatDateTimeSeconds, keysetPages } from '@painel/core/module';
import type { SQL } from 'drizzle-orm';
import { describeAction } from './action-labels.ts';
import { type AuditRow, auditBatch } from './audit-query.ts';

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
    formatDateTimeSeconds(row.at),
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
 * The filtered audit rows as a CSV stream: newest first, read in keyset pages (each its own short
 * transaction through `run`), so a few million rows never sit in memory and no connection is held
 * while the client reads.
 */
export function auditCsvStream(
  run: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>,
  where: SQL | undefined,
  batchSize = exportBatchSize,
): ReadableStream<Uint8Array> {
  const pages = keysetPages({
    run,
    page: (tx: Db, before: number | null, limit) => auditBatch(tx, where, before, limit),
    keyOf: (row: AuditRow) => row.id,
    pageSize: batchSize,
  });
  return csvStream(csvHeader, pages, rowCells);
}
