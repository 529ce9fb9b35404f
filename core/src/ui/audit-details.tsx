import { auditDetailLabel, auditValueLabel } from './audit-labels.ts';
import { formatDateTime, formatNumber } from './format.ts';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** One detail value as a person reads it: dates in Brasília time, Sim/Não, numbers, lists, coded values by label. */
export function auditValueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Sim' : 'Não';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    const label = auditValueLabel(key, value);
    if (label) return label;
    if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value));
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => auditValueText(key, v)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${auditDetailLabel(k)}: ${auditValueText(k, v)}`)
      .join('; ');
  }
  return String(value);
}

/** An audit entry's details as "Nome: valor" pairs, for the CSV. */
export const auditDetailsText = (details: Record<string, unknown> | null): string =>
  details ? Object.entries(details).map(([k, v]) => `${auditDetailLabel(k)}: ${auditValueText(k, v)}`).join(' · ') : '';

/** An audit entry's details as a pt-BR definition list (never raw JSON). */
export function AuditDetailsList(props: { details: Record<string, unknown> }) {
  const entries = Object.entries(props.details);
  if (entries.length === 0) return null;
  return (
    <dl class="audit-details-list small" data-testid="audit-details">
      {entries.map(([key, value]) => (
        <>
          <dt>{auditDetailLabel(key)}</dt>
          <dd>{auditValueText(key, value)}</dd>
        </>
      ))}
    </dl>
  );
}
