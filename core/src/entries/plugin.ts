/**
 * `@painel/core/plugin`: everything a plugin may use, and nothing more. Plugins import no other part
 * of core (npm run lint enforces it). Core's services, the owner connection and other packages'
 * tables are not reachable from here; platform-wide reads go through `ctx.platformScoped(reason, fn)`.
 */

// The plugin contract.
export { definePlugin, pluginBasePath, pluginSchemaName } from '../plugins/define-plugin.ts';
export type { JobRun, PluginContext, PluginDefinition, PluginNavEntry, PluginRegistrar, PluginRouter } from '../plugins/plugin-types.ts';
export { type PluginEnv, type PluginHandler, type PluginScope, PluginScopeError, type PluginVariables } from '../plugins/plugin-env.ts';
export { type CoreEventName, type CoreEvents, coreEventNames } from '../plugins/core-events.ts';
export type { EventMap, EventName, PluginEventPayload, PluginEvents } from '../plugins/plugin-events.ts';
export type { PluginSlot, PluginSlotName } from '../plugins/plugin-types.ts';
export type { SupportAccessPort } from '../policy/support-access-port.ts';

// Requests, errors and the policy module.
export { HttpError } from '../http/http-error.ts';
export type { RouteMeta } from '../http/route-meta.ts';
export type { Flash, FlashTone } from '../http/env.ts';
export { type Actor, type ActiveClinic, type Membership, membershipIn } from '../policy/actor.ts';
export { type DataClass, dataClasses } from '../policy/data-class.ts';
export { type Decision, allow, forbidden, needLogin, notFound } from '../policy/decision.ts';
export { can, reaches, type Rule, supportReadsBase, type TenantResource } from '../policy/policy.ts';
export { clinicalRoles, membershipRoles, userKinds, type MembershipRole, type UserKind } from '../db/schema/index.ts';

// The UI kit, pt-BR formatting and messages.
export { EmptyState, ErrorSummary, Field, fieldHelp, PageHeader, Pagination, StatusBadge } from '../ui/components.tsx';
export { formatDate, formatDateTime, formatDuration, formatNumber, formatTime } from '../ui/format.ts';
export { createCatalogue, t } from '../ui/messages.ts';
export { canSwitchClinic, isHtmx } from '../ui/render.tsx';
export { renderPage } from '../plugins/plugin-ui.ts';

// Time.
export type { Clock } from '../clock/clock.ts';

// The plugin's own schema: row-level-security helpers, and core's tables it may reference.
export type { Db } from '../db/types.ts';
export { BulkLoadError } from '../db/bulk/bulk-load-error.ts';
export type { BulkRows, CopyIntoOptions } from '../db/bulk/copy-into.ts';
export type { BulkTarget } from '../db/bulk/bulk-target.ts';
export { rls, tenantPolicy } from '../db/schema/rls.ts';
export { coreTables } from '../plugins/core-tables.ts';
export { greetingName } from '../ui/greeting-name.ts';
export { asDateInputValue, type CalendarDate, formatCalendarDate, isoCalendarDate, parseCalendarDate } from '../ui/calendar-date.ts';
export { DateInput } from '../ui/date-input.tsx';
import '../ui/core-audit-labels.ts';
export {
  auditActionLabel,
  auditDetailLabel,
  type AuditLabels,
  auditValueLabel,
  hasAuditActionLabel,
  hasAuditDetailLabel,
  registerAuditLabels,
  registeredAuditActions,
} from '../ui/audit-labels.ts';
export { AuditDetailsList, auditDetailsText, auditValueText } from '../ui/audit-details.tsx';
export { plural, pluralForm, type PluralForms } from '../ui/plural.ts';
export { EmailText } from '../ui/email-text.tsx';
