/**
 * `@painel/core/plugin`: everything a plugin may use, and nothing more. Plugins import no other part
 * of core (npm run lint enforces it). Core's services, the owner connection and other packages'
 * tables are not reachable from here; platform-wide reads go through `ctx.platformScoped(reason, fn)`.
 */

// The plugin contract.
export { definePlugin, pluginBasePath, pluginSchemaName } from '../plugins/define-plugin.ts';
// A plugin's command-line tool: the configured database with the plugin's narrow, audited view (loaded on call).
export { type PluginCliContext, PluginCliDatabaseError, withPluginDatabase } from '../plugins/plugin-cli.ts';
export type {
  JobRun,
  PluginContext,
  PluginDefinition,
  PluginJobHandler,
  PluginNavEntry,
  PluginRegistrar,
  PluginRouter,
  PluginTaskHandler,
} from '../plugins/plugin-types.ts';
export { type PluginEnv, type PluginHandler, type PluginScope, PluginScopeError, type PluginVariables } from '../plugins/plugin-env.ts';
export { type CoreEventName, type CoreEvents, coreEventNames } from '../plugins/core-events.ts';
export type { EventMap, EventName, PluginEventPayload, PluginEvents } from '../plugins/plugin-events.ts';
export type { PluginSlot, PluginSlotName } from '../plugins/plugin-types.ts';
export type { DataAccessRecord, SupportAccessPort } from '../policy/support-access-port.ts';

// Durable jobs: kinds declared with r.task / r.job, enqueued and read through ctx.jobs.
export type { EnqueueOptions, JobKindOptions, JobSchedule, JobsApi, JobState, JobView } from '../jobs/types.ts';
export { JobAbortError, type JobAbortCause } from '../jobs/job-abort.ts';
export { isFinished, JobProgress, jobProgressPath } from '../jobs/job-progress.tsx';
export { canCancelJob, canViewJob } from '../jobs/job-access.ts';

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
export {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatDuration,
  formatNumber,
  formatPercent,
  formatTime,
  formatWeekdayShort,
} from '../ui/format.ts';
export { createCatalogue, t } from '../ui/messages.ts';
export { canSwitchClinic, isHtmx } from '../ui/render.tsx';
export { renderPage } from '../plugins/plugin-ui.ts';

// CSV exports: the one writer (";", CRLF, UTF-8 BOM, formula guard; or the RFC 4180 machine format), keyset streaming, the download response.
export { type CsvRow, type CsvValue, csvLine, csvLines, machineCsvLines, toCsv, toMachineCsv, utf8Bom } from '../csv/csv-writer.ts';
export { neutraliseFormula } from '../csv/formula-guard.ts';
export { csvStream } from '../csv/csv-stream.ts';
export { defaultPageSize, keysetPages, type KeysetSource } from '../csv/keyset-pages.ts';
export { contentDisposition, csvResponse } from '../csv/csv-response.ts';

// Streamed uploads and the plugin's own files (`ctx.files`).
export { receiveUpload } from '../uploads/upload-scope.ts';
export type { UploadLimits } from '../uploads/upload-limits.ts';
export type { UploadForm } from '../uploads/upload-form.ts';
export type { ReceivedFile } from '../uploads/received-file.ts';
export { type FileType, fileExtensionOf, isImageType, safeFileName, SNIFF_BYTES, sniffFileType } from '../uploads/file-type.ts';
export { type Files, type KeptFile, type StoredFileInfo, StoredFileNotFound } from '../uploads/file-store.ts';
export { UploadProgress } from '../ui/upload-progress.tsx';

// Time: the app zone (Brasília), local dates, national holidays, business hours and business days.
export type { Clock } from '../clock/clock.ts';
export {
  addLocalDays,
  appTimeZone,
  endOfLocalDay,
  isoWeekday,
  localDate,
  localDaysBetween,
  localInstant,
  localParts,
  type LocalParts,
  startOfLocalDay,
} from '../time/app-time.ts';
export { type HolidayClosure, nationalHolidayOn, nationalHolidays, type NationalHoliday } from '../time/holidays.ts';
export {
  listOptionalHolidayKinds,
  OPTIONAL_HOLIDAY_KEYS,
  type OptionalHolidayKey,
  type OptionalHolidayKind,
} from '../time/holiday-kinds.ts';
export { type BusinessCalendar, type CalendarError, defaultCalendar, validateCalendar, type WorkingInterval } from '../business-hours/calendar.ts';
export {
  addBusinessHours,
  addBusinessMinutes,
  addBusinessMs,
  businessMinutesBetween,
  businessMsBetween,
  isBusinessTime,
  nextBusinessInstant,
} from '../business-hours/engine.ts';
export {
  addBusinessDays,
  addBusinessDaysToDate,
  businessDaysBetween,
  isBusinessDay,
  isBusinessDayAt,
  nextBusinessDay,
} from '../business-hours/business-days.ts';
export { holidayClosuresOn, isDayOff } from '../business-hours/days-off.ts';
export { formatBusinessDuration } from '../business-hours/format.ts';

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
