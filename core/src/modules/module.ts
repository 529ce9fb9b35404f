import type { CoreServices } from '../app/services.ts';
import type { ScreenRouter } from '../http/screen-router.ts';
import type { Rule } from '../policy/policy.ts';
import type { NavEntry } from '../ui/nav-registry.ts';

/** A built-in part of the app (tenants, content) contributing migrations, routes, nav and demo data. */
export interface ModuleDefinition {
  id: string;
  /** Its own drizzle-kit migrations folder (absolute path) and, if any, its own Postgres schema. */
  migrations?: { folder: string; schema?: string };
  /** Permissions it adds to the policy module (names should start with `<id>.` or `<id>:`). */
  permissions?: Record<string, Rule>;
  nav?: NavEntry[];
  /** Routes, each with a permission and a data class. Mounted at the root. */
  routes?: (router: ScreenRouter, services: CoreServices) => void;
  /** Extra wiring once services exist (banners, header controls). */
  setup?: (services: CoreServices) => void;
  /** Demo data for a new, empty database outside production. Returns logins to print. */
  seedDemo?: (services: CoreServices) => Promise<DemoLogin[]>;
  /** What `seedDemo` creates, in pt-BR, for the start's progress lines ("2 singulares, 5 bases…"). */
  demoSummary?: string;
}

export interface DemoLogin {
  email: string;
  description: string;
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.id)) {
    throw new Error(`Module id "${definition.id}" must match [a-z][a-z0-9-]*`);
  }
  return definition;
}
