import type { Actor } from '@painel/core/module';
import type { ContentAuthor } from '../tracks/version-record.ts';

export function authorOf(actor: Actor): ContentAuthor {
  return { userId: actor.user?.id ?? null, name: actor.user?.name ?? 'Plataforma' };
}
