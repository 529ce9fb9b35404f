import semver from 'semver';
import type { z } from 'zod';
import type { AnyPlugin, PluginDefinition } from './plugin-types.ts';

const pluginBrand = Symbol.for('painel.plugin');

export const pluginIdPattern = /^[a-z][a-z0-9-]*$/;

export class PluginDefinitionError extends Error {
  override name = 'PluginDefinitionError';
}

/** The Postgres schema a plugin owns: its id with '-' → '_'. */
export function pluginSchemaName(id: string): string {
  return id.replace(/-/g, '_');
}

/** Where a plugin's routes are mounted. */
export function pluginBasePath(id: string): string {
  return `/p/${id}`;
}

/**
 * Declares a plugin (its package's default export). Checks the parts that can be checked without
 * core running: id, versions, settings defaults; `requires.core` is checked when the plugin loads.
 */
export function definePlugin<S extends z.ZodType = z.ZodType>(definition: PluginDefinition<S>): PluginDefinition<S> {
  const id = definition?.id;
  const fail = (reason: string): never => {
    throw new PluginDefinitionError(`Plugin "${String(id)}" inválido: ${reason}`);
  };
  if (typeof id !== 'string' || !pluginIdPattern.test(id)) fail('o id deve seguir [a-z][a-z0-9-]* (ex.: "support").');
  if (!semver.valid(definition.version)) fail(`a versão "${definition.version}" não é semver (ex.: 1.0.0).`);
  if (!definition.displayName?.trim()) fail('informe displayName (nome em português).');
  if (!definition.requires || !semver.validRange(definition.requires.core)) {
    fail(`requires.core deve ser uma faixa semver (ex.: "^1.0.0"), recebido "${definition.requires?.core}".`);
  }
  if (typeof definition.register !== 'function') fail('register(r) é obrigatório.');
  if (definition.migrations && !definition.migrations.folder?.startsWith('/')) {
    fail('migrations.folder deve ser um caminho absoluto (use fileURLToPath(new URL(…, import.meta.url))).');
  }
  if (definition.settings && !definition.settings.safeParse({}).success) {
    fail('todo campo de settings precisa de um valor padrão (settings.parse({}) deve funcionar).');
  }
  Object.defineProperty(definition, pluginBrand, { value: true, enumerable: false });
  return Object.freeze(definition);
}

export function isPluginDefinition(value: unknown): value is AnyPlugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[pluginBrand] === true;
}

/** Throws when the plugin's `requires.core` range does not accept this core's version. */
export function assertCoreCompatible(plugin: AnyPlugin, version: string): void {
  if (!semver.satisfies(version, plugin.requires.core, { includePrerelease: true })) {
    throw new PluginDefinitionError(
      `O plugin "${plugin.id}" (versão ${plugin.version}) exige o core ${plugin.requires.core}, mas este é o core ${version}: atualize o plugin ou o core.`,
    );
  }
}
