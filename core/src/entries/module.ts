/**
 * `@painel/core/module`: what core's built-in modules (tenants, content) build on. It includes the
 * whole plugin API (`@painel/core/plugin`) and adds core's services, schema, routers and hooks.
 * Plugins may not import it (npm run lint).
 */
export * from './plugin.ts';

// Shadows the plugin entry's renderPage: modules' handlers get the full AppEnv context.
export { canSwitchClinic, isHtmx, renderPage } from '../ui/render.tsx';

export { defineModule, type DemoLogin, type ModuleDefinition } from '../modules/module.ts';
export type { CoreServices } from '../app/services.ts';
export { demoPassword, demoPasswordHash } from '../app/core-demo-seed.ts';
export type { AppEnv, AppVariables } from '../http/env.ts';
export type { Handler, ScreenRouter } from '../http/screen-router.ts';
export type { ObservedRequest, RequestGate, RequestHooks, RequestObserver } from '../http/request-hooks.ts';
export * as schema from '../db/schema/index.ts';
export type { Database, TenantScope } from '../db/types.ts';
export { dateOfEpochMs, epochMs, selectRows } from '../db/raw-rows.ts';
export { AuditLog, type AuditEntry } from '../audit/audit-log.ts';
export { verifyAuditChain, type ChainReport } from '../audit/verify-chain.ts';
export { hashPassword, passwordRules, verifyPassword } from '../auth/password.ts';
export type { SupportGrantLookup } from '../auth/request-actor.ts';
export type { SessionRecord, SessionUser } from '../auth/sessions.ts';
export { sessionCookieName, writeSessionCookie } from '../auth/session-cookie.ts';
export { Notifications, type NewNotification } from '../notifications/notifications.ts';
export { anonymousActor, scopeOf } from '../policy/actor.ts';
export { decide, decideDataClass } from '../policy/policy.ts';
export type { SupportAccessPort, SupportAccessSlot } from '../policy/support-access-port.ts';
export { systemClock } from '../clock/clock.ts';
export { UploadArea } from '../uploads/upload-area.ts';
export type { SweepResult } from '../uploads/sweep.ts';
export type { NavEntry } from '../ui/nav-registry.ts';
export type { PagePart } from '../ui/ui-registry.ts';
