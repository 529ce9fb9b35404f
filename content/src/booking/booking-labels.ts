import type { BookingStatus } from '../db/schema.ts';

export type { BookingStatus };

export const bookingStatusLabel: Record<BookingStatus, string> = {
  novo: 'Novo',
  agendado: 'Agendado',
  concluido: 'Concluído',
  cancelado: 'Cancelado',
};

export const bookingStatusBadge: Record<BookingStatus, string> = {
  novo: 'badge-info',
  agendado: 'badge-ok',
  concluido: 'badge-muted',
  cancelado: 'badge-danger',
};

/** What the panel needs to know about a user's latest booking request. */
export interface BookingSummary {
  id: number;
  status: BookingStatus;
  createdAt: Date;
}
