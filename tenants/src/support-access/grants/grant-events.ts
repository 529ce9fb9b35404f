import type { CoreServices } from '@painel/core/module';
import type { BaseKey } from '../db/scopes.ts';
import type { GrantResult, RevokeResult } from './grant-actions.ts';

/** Core events for plugins (`grant.started` / `grant.ended`), emitted after the change committed. */
export async function emitGrantResult(services: CoreServices, base: BaseKey, byUserId: number, result: GrantResult): Promise<void> {
  const at = services.clock.now();
  if (result.kind === 'replaced') {
    await services.events.emit('grant.ended', { ...base, grantId: result.previous.id, reason: 'replaced', actorUserId: byUserId, at });
  }
  if (result.kind === 'granted' || result.kind === 'replaced' || result.kind === 'extended') {
    await services.events.emit('grant.started', {
      ...base,
      grantId: result.grant.id,
      endsAt: result.grant.endsAt,
      grantedByUserId: byUserId,
      at,
    });
  }
}

export async function emitRevokeResult(services: CoreServices, base: BaseKey, byUserId: number, result: RevokeResult): Promise<void> {
  if (result.kind !== 'revoked') return;
  await services.events.emit('grant.ended', {
    ...base,
    grantId: result.grant.id,
    reason: 'revoked',
    actorUserId: byUserId,
    at: services.clock.now(),
  });
}
