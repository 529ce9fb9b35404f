/** Side-navigation entries contributed by core, modules and plugins; shown when the policy allows. */
export interface NavEntry {
  label: string;
  href: string;
  /** A permission name: the entry shows only to actors the policy allows. */
  permission: string;
  /** `user` entries go to the user menu (top right), the others to the side navigation. */
  section: 'main' | 'clinic' | 'admin' | 'user';
  order?: number;
  /** Extra visibility test (e.g. a plugin disabled for this reseller). */
  visible?: (ctx: { actor: import('../policy/actor.ts').Actor }) => boolean;
}

export interface RenderedNavEntry {
  label: string;
  href: string;
  section: NavEntry['section'];
  current: boolean;
}
