// The public entry of @painel/core: the only module other packages may import.
export { createApp } from './app/create-app.tsx';
export { createServices, prepareDatabase, seedDemoIfEmpty, coreMigrationsFolder } from './app/bootstrap.ts';
export { demoPassword } from './app/core-demo-seed.ts';
export { builtinModules, loadModules } from './app/load-modules.ts';
export type { CoreServices } from './app/services.ts';
export { AuditLog, type AuditEntry } from './audit/audit-log.ts';
export { verifyAuditChain, type ChainReport } from './audit/verify-chain.ts';
export { hashPassword, verifyPassword, passwordRules } from './auth/password.ts';
export { actorHooks } from './auth/resolve-actor.ts';
export type { SessionUser, SessionRecord } from './auth/sessions.ts';
export { generateSessionToken, sessionIdFromToken } from './auth/session-token.ts';
export { sessionCookieName } from './auth/session-cookie.ts';
export { type Clock, ManualClock, systemClock, TickingClock } from './clock/clock.ts';
export { type Config, ConfigError, loadConfig } from './config/env.ts';
export * as schema from './db/schema/index.ts';
export { clinicalRoles, membershipRoles, userKinds, type MembershipRole, type UserKind } from './db/schema/index.ts';
export { rls, tenantPolicy } from './db/schema/rls.ts';
export { openDatabase, pgliteDir, pgliteExtensions } from './db/open-database.ts';
export { ensureAppRole, assertRoleCannotBypassRls, UnsafeAppRoleError } from './db/app-role.ts';
export type { Database, Db, DriverName, TenantScope } from './db/types.ts';
export type { AppEnv, Flash, FlashTone } from './http/env.ts';
export { HttpError } from './http/http-error.ts';
export type { RouteMeta } from './http/route-meta.ts';
export type { Handler, ScreenRouter } from './http/screen-router.ts';
export type { ObservedRequest, RequestGate, RequestHooks, RequestObserver } from './http/request-hooks.ts';
export { createLogger } from './log/logger.ts';
export { defineModule, type DemoLogin, type ModuleDefinition } from './modules/module.ts';
export { Notifications, type NewNotification } from './notifications/notifications.ts';
export { type Actor, type ActiveClinic, type Membership, anonymousActor, membershipIn, scopeOf } from './policy/actor.ts';
export { type DataClass, dataClasses } from './policy/data-class.ts';
export { type Decision, allow, forbidden, needLogin, notFound } from './policy/decision.ts';
export { can, decide, decideDataClass, definePermission, reaches, type Rule, type TenantResource } from './policy/policy.ts';
export { EmptyState, ErrorSummary, Field, fieldHelp, PageHeader, Pagination, StatusBadge } from './ui/components.tsx';
export { formatDate, formatDateTime, formatDuration, formatNumber, formatTime } from './ui/format.ts';
export { greetingName } from './ui/greeting-name.ts';
export { asDateInputValue, type CalendarDate, formatCalendarDate, isoCalendarDate, parseCalendarDate } from './ui/calendar-date.ts';
export { DateInput } from './ui/date-input.tsx';
export { EmailText } from './ui/email-text.tsx';
import './ui/core-audit-labels.ts';
export {
  auditActionLabel,
  auditDetailLabel,
  type AuditLabels,
  auditValueLabel,
  hasAuditActionLabel,
  hasAuditDetailLabel,
  registerAuditLabels,
  registeredAuditActions,
} from './ui/audit-labels.ts';
export { AuditDetailsList, auditDetailsText, auditValueText } from './ui/audit-details.tsx';
export { plural, pluralForm, type PluralForms } from './ui/plural.ts';
export { createCatalogue, t } from './ui/messages.ts';
export type { NavEntry } from './ui/nav-registry.ts';
export { canSwitchClinic, isHtmx, renderPage } from './ui/render.tsx';
export type { PagePart } from './ui/ui-registry.ts';
export { writeSessionCookie } from './auth/session-cookie.ts';
// Plugin host (core/src/plugins): the contract plugins build against, and what the app and tests wire.
export { defaultPlugins } from './app/load-modules.ts';
export { definePlugin, PluginDefinitionError, pluginBasePath, pluginSchemaName } from './plugins/define-plugin.ts';
export type {
  AnyPlugin,
  JobRun,
  PluginContext,
  PluginDefinition,
  PluginNavEntry,
  PluginRegistrar,
  PluginRouter,
} from './plugins/plugin-types.ts';
export { type CoreEventName, type CoreEvents, coreEventNames } from './plugins/core-events.ts';
export { EventBus } from './plugins/event-bus.ts';
export { loadPlugins, PluginLoadError } from './plugins/load-plugins.ts';
export { PluginMigrationError, pluginMigrationsTable } from './plugins/plugin-migrations.ts';
export { type HostedPlugin, PluginHost } from './plugins/plugin-host.ts';
export { type JobOutcome, JobScheduler } from './plugins/scheduler.ts';
export { coreVersion } from './plugins/core-version.ts';
export type { SupportAccessPort, SupportAccessSlot } from './policy/support-access-port.ts';
