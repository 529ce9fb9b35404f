import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { NavEntry } from './nav-registry.ts';

/** Something a module adds to every page for some actors (a banner, a header control). */
export type PagePart = (c: Context<AppEnv>) => Child | null | Promise<Child | null>;

/** The shell's extension points: navigation entries, banners and header controls. */
export class UiRegistry {
  readonly nav: NavEntry[] = [];
  readonly banners: PagePart[] = [];
  readonly headerExtras: PagePart[] = [];
  /** Sections of the home page (Início), in order; each decides for which actors it shows. */
  readonly homeSections: PagePart[] = [];

  addNav(...entries: NavEntry[]): void {
    this.nav.push(...entries);
  }
  addBanner(part: PagePart): void {
    this.banners.push(part);
  }
  addHeaderExtra(part: PagePart): void {
    this.headerExtras.push(part);
  }
  addHomeSection(part: PagePart): void {
    this.homeSections.push(part);
  }
}
