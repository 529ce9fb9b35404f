import type { ModuleDefinition } from '../modules/module.ts';

/**
 * The built-in modules, loaded by package name (core never imports them statically). A package's
 * default export is one module or a list of modules (each with its own migrations set).
 */
export const builtinModules = ['@painel/tenants', '@painel/content'];

/**
 * Plugin packages loaded when the PLUGINS environment variable is not set (see core/src/plugins and
 * README "Writing a plugin"). Empty until plugins/support has its entry (src/index.ts exporting
 * definePlugin); then this becomes ['@painel/support']. PLUGINS="" still means "use this list".
 */
export const defaultPlugins: string[] = ['@painel/support', '@painel/migration'];

export class ModuleLoadError extends Error {
  override name = 'ModuleLoadError';
}

export async function loadModules(names: string[]): Promise<ModuleDefinition[]> {
  const loaded: ModuleDefinition[] = [];
  for (const name of names) {
    let mod: { default?: ModuleDefinition | ModuleDefinition[] };
    try {
      mod = (await import(name)) as { default?: ModuleDefinition | ModuleDefinition[] };
    } catch (error) {
      throw new ModuleLoadError(`Não foi possível carregar o pacote "${name}": ${(error as Error).message.split('\n')[0]}`);
    }
    const defs = Array.isArray(mod.default) ? mod.default : [mod.default];
    if (defs.length === 0 || defs.some((d) => !d || typeof d.id !== 'string')) {
      throw new ModuleLoadError(`O pacote "${name}" não exporta um módulo (export default defineModule(...)).`);
    }
    loaded.push(...(defs as ModuleDefinition[]));
  }
  return loaded;
}
