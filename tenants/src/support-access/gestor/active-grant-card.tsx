import { formatDateTime, formatDuration } from '@painel/core/module';
import { durationLabel } from '../grants/durations.ts';
import type { GrantRow } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';

/** The base's active grant (or the statement that there is none) with the one-click revoke. */
export function ActiveGrantCard(props: { grant: GrantRow | null; now: Date }) {
  const { grant, now } = props;
  if (!grant) {
    return (
      <section class="card sa-status sa-status-off" data-testid="no-active-grant">
        <div class="sa-status-head">
          <h2 class="sa-card-title">{m('grant.active.title')}</h2>
          <span class="badge badge-muted">Sem acesso</span>
        </div>
        <p class="sa-flat">{m('grant.active.none')}</p>
        <ul class="sa-facts">
          <li>{m('grant.facts.screens')}</li>
          <li>{m('grant.facts.ehr')}</li>
          <li>{m('grant.facts.log')}</li>
          <li>{m('grant.facts.revoke')}</li>
        </ul>
      </section>
    );
  }
  const end = grant.endsAt.toISOString();
  return (
    <section class="card sa-status sa-status-on" data-testid="active-grant">
      <div class="sa-status-head">
        <h2 class="sa-card-title">{m('grant.active.title')}</h2>
        <span class="badge badge-ok">Ativo · {durationLabel(grant.duration)}</span>
      </div>
      <dl class="sa-details">
        <div>
          <dt>{m('grant.active.left')}</dt>
          <dd class="sa-countdown">
            <time datetime={end} data-countdown-to={end} data-countdown-ms={String(grant.endsAt.getTime() - now.getTime())} data-testid="grant-countdown">
              {formatDuration(grant.endsAt.getTime() - now.getTime())}
            </time>
          </dd>
        </div>
        <div>
          <dt>{m('grant.active.end')}</dt>
          <dd data-testid="grant-end">{formatDateTime(grant.endsAt)}</dd>
        </div>
        <div>
          <dt>{m('grant.active.start')}</dt>
          <dd>{formatDateTime(grant.startsAt)}</dd>
        </div>
        <div>
          <dt>{m('grant.active.by')}</dt>
          <dd>{grant.grantedByName}</dd>
        </div>
        <div>
          <dt>{m('grant.active.reason')}</dt>
          <dd>{grant.reason ?? <span class="muted">—</span>}</dd>
        </div>
        <div>
          <dt>{m('grant.active.firstUse')}</dt>
          <dd>{grant.firstUsedAt ? formatDateTime(grant.firstUsedAt) : <span class="muted">{m('grant.active.notUsed')}</span>}</dd>
        </div>
      </dl>
      <form method="post" action="/acesso-suporte/revogar" class="sa-revoke">
        <input type="hidden" name="acesso" value={String(grant.id)} />
        <button type="submit" class="sa-danger" data-testid="revoke">
          {m('grant.revoke')}
        </button>
      </form>
    </section>
  );
}
