/** pt-BR labels of a file's status, reading and mapping confidence. */
import type { FileStatus } from '../db/schema.ts';

export const FILE_STATUS_LABELS: Record<FileStatus, { label: string; tone: string }> = {
  enviado: { label: 'Em verificação', tone: 'badge-info' },
  verificado: { label: 'Mapeamento a confirmar', tone: 'badge-warn' },
  confirmado: { label: 'Mapeamento confirmado', tone: 'badge-ok' },
  substituido: { label: 'Substituído', tone: 'badge-muted' },
};

export const ENCODING_LABELS: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 (padrão do Excel no Brasil)' };
export const DELIMITER_LABELS: Record<string, string> = { ';': 'ponto e vírgula (;)', ',': 'vírgula (,)', '\t': 'tabulação', '|': 'barra vertical (|)' };
export const FORMAT_LABELS: Record<string, string> = { csv: 'CSV', xlsx: 'Excel (XLSX)', mdb: 'Access (MDB/ACCDB)' };

/** Below this, an automatic mapping is highlighted for review. */
export const LOW_CONFIDENCE = 0.8;

export const REASON_LABELS: Record<string, string> = {
  envio: 'Envio do arquivo',
  mapeamento: 'Mapeamento confirmado',
  correcao: 'Correção enviada',
  reverificacao: 'Nova verificação',
};
