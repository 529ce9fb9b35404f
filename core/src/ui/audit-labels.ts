/**
 * pt-BR labels for the codes the audit log stores: action codes ("support.ticket.opened"), the keys of
 * an entry's details ("fileName") and coded values ("via": "multi_clinic"). Core, modules and plugins
 * each register the labels of what they emit (`registerAuditLabels`, at import time, like a message
 * catalogue); the audit screen and its CSV read them here. Nothing unregistered is shown as a bare code.
 */
export interface AuditLabels {
  /** Action code → what happened ("Chamado aberto"). */
  actions?: Record<string, string>;
  /** Detail key → its name ("Arquivo"). */
  details?: Record<string, string>;
  /** Detail key → coded value → its meaning ({ via: { multi_clinic: 'Multi clínica' } }). */
  values?: Record<string, Record<string, string>>;
}

const actions = new Map<string, string>();
const details = new Map<string, string>();
const values = new Map<string, Map<string, string>>();

export function registerAuditLabels(labels: AuditLabels): void {
  for (const [code, label] of Object.entries(labels.actions ?? {})) actions.set(code, label);
  for (const [key, label] of Object.entries(labels.details ?? {})) details.set(key, label);
  for (const [key, map] of Object.entries(labels.values ?? {})) {
    const known = values.get(key) ?? new Map<string, string>();
    for (const [code, label] of Object.entries(map)) known.set(code, label);
    values.set(key, known);
  }
}

export const hasAuditActionLabel = (code: string): boolean => actions.has(code);
export const hasAuditDetailLabel = (key: string): boolean => details.has(key);

/** "Chamado aberto"; an unregistered code reads "Outra ação (code)" so a person still sees it is an action. */
export const auditActionLabel = (code: string): string => actions.get(code) ?? `Outra ação (${code})`;

/** "Arquivo"; an unregistered key is spelled out in words ("supportRequestId" → "support request id"). */
export const auditDetailLabel = (key: string): string =>
  details.get(key) ??
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase();

/** The pt-BR meaning of a coded value under a detail key, if registered. */
export const auditValueLabel = (key: string, value: string): string | undefined => values.get(key)?.get(value);

/** Registered actions (for the audit filter and checks). */
export const registeredAuditActions = (): ReadonlyMap<string, string> => actions;
