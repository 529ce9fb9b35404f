import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { renderPage as renderAppPage } from '../ui/render.tsx';
import type { PluginEnv } from './plugin-env.ts';

/** Renders a full page inside the application shell, from a plugin handler's sealed context. */
export function renderPage(c: Context<PluginEnv>, page: Parameters<typeof renderAppPage>[1]): Promise<Response> {
  return renderAppPage(c as unknown as Context<AppEnv>, page);
}
