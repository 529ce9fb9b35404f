import { type AppEnv, formatDateTime, formatDuration } from '@painel/core/module';
import type { Context } from 'hono';
import { m } from '../messages.ts';

/** On every page while a support agent is inside a base: the time left and a way out. */
export function supportBanner(c: Context<AppEnv>) {
  const actor = c.get('actor');
  const grant = actor.supportGrant;
  const base = actor.activeClinic;
  if (actor.user?.kind !== 'support_agent' || !grant || !base) return null;
  const left = grant.endsAt.getTime() - c.get('services').clock.now().getTime();
  return (
    <div class="banner banner-support" role="status" data-testid="support-banner">
      <span>
        <strong>
          {m('banner.text')}{' '}
          <time datetime={grant.endsAt.toISOString()} data-countdown-to={grant.endsAt.toISOString()} data-countdown-ms={String(left)}>
            {formatDuration(left)}
          </time>
        </strong>{' '}
        ({formatDateTime(grant.endsAt)}) · {m('banner.base', { base: base.name, id: base.clinicId })}
      </span>
      <form method="post" action="/suporte/bases/sair">
        <button type="submit" class="secondary">
          {m('bases.leave')}
        </button>
      </form>
    </div>
  );
}
