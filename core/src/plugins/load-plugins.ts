import { coreVersion } from './core-version.ts';
import { assertCoreCompatible, isPluginDefinition } from './define-plugin.ts';
import type { AnyPlugin } from './plugin-types.ts';

export class PluginLoadError extends Error {
  override name = 'PluginLoadError';
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

function isMissing(error: unknown, name: string): boolean {
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? '';
  const missing = e?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (package|module)|Failed to load url/.test(message);
  return missing && message.includes(name);
}

/**
 * Loads the plugin packages the configuration lists, in that order (no filesystem scan). A missing
 * package, a package that is not a plugin, an incompatible `requires.core` or a repeated id stops the
 * start with one pt-BR line naming the plugin.
 */
export async function loadPlugins(names: string[], version: string = coreVersion): Promise<AnyPlugin[]> {
  const loaded: AnyPlugin[] = [];
  for (const name of names) {
    let mod: { default?: unknown };
    try {
      mod = (await import(name)) as { default?: unknown };
    } catch (error) {
      if (isMissing(error, name)) {
        throw new PluginLoadError(`Plugin "${name}" não encontrado: confira a variável PLUGINS e se o pacote está instalado (npm install).`);
      }
      throw new PluginLoadError(`O plugin "${name}" não pôde ser carregado: ${firstLine(error)}`);
    }
    const plugin = mod.default;
    if (!isPluginDefinition(plugin)) {
      throw new PluginLoadError(`O pacote "${name}" não é um plugin: ele deve ter export default definePlugin({ … }).`);
    }
    try {
      assertCoreCompatible(plugin, version);
    } catch (error) {
      throw new PluginLoadError(firstLine(error));
    }
    if (loaded.some((p) => p.id === plugin.id)) {
      throw new PluginLoadError(`Dois pacotes declaram o plugin "${plugin.id}": confira a variável PLUGINS.`);
    }
    loaded.push(plugin);
  }
  return loaded;
}
