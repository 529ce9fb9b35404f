import type { AnyPlugin, PluginContext } from './plugin-types.ts';
import type { PluginDeclarations } from './registrar.ts';

/** A plugin's state in this app instance (shown on the plugins page). */
export interface PluginHealth {
  state: 'registered' | 'started' | 'failed' | 'stopped';
  since: Date;
  error?: string;
}

/** One configured plugin as the host keeps it: its definition, what it declared, its context, its health. */
export interface HostedPlugin {
  readonly definition: AnyPlugin;
  readonly declarations: PluginDeclarations;
  readonly context: PluginContext<any>;
  health: PluginHealth;
}

/**
 * The read-only view of the hosted plugins the admin screens need (core/src/plugins/admin). The
 * screens depend on this, not on PluginHost, so the host can mount them without an import cycle.
 */
export interface PluginCatalogue {
  readonly plugins: readonly HostedPlugin[];
  get(id: string): HostedPlugin | undefined;
}
