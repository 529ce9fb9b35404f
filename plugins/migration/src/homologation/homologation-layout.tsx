/** The frame of every homologation screen: the isolation banner, the version, the entity tabs. */
import { type Actor, clinicalRoles, formatDate, formatNumber } from '@painel/core/plugin';
import type { Child } from 'hono/jsx';
import { requestPath } from '../ui/request-table.tsx';
import { VERSION_STATES } from '../versions/version-states.ts';
import type { VersionRow } from '../versions/version-store.ts';
import { HOMOLOGATION_BANNER, HOMOLOGATION_SCREENS, homologationPath } from './screens.ts';

/** May this actor open the EHR screens (core's gate decides; this only hides links it would refuse)? */
export function opensEhr(actor: Actor): boolean {
  const base = actor.activeClinic;
  if (actor.user?.kind !== 'clinic_user' || actor.supportGrant || !base) return false;
  return actor.memberships.some((m) => m.resellerId === base.resellerId && m.clinicId === base.clinicId && clinicalRoles.includes(m.role));
}

export function HomologationBanner() {
  return (
    <p class="flash flash-error" role="note" data-testid="homologation-banner">
      <strong>{HOMOLOGATION_BANNER}</strong>
    </p>
  );
}

export function HomologationFrame(props: { actor: Actor; version: VersionRow; current?: string; children: Child }) {
  const { version } = props;
  const ehr = opensEhr(props.actor);
  return (
    <>
      <HomologationBanner />
      <p class="muted" data-testid="homologation-version">
        Versão de validação {version.number} · {VERSION_STATES[version.state]} · disponível até {formatDate(version.expiresAt)} ·{' '}
        <a href={`${requestPath(version.requestId)}/versoes/${version.number}/relatorio`}>Relatório de testes desta versão</a>
        {ehr && (
          <>
            {' '}
            · <a href={`${requestPath(version.requestId)}/versoes/${version.number}/relatorio/prontuario`}>Teste espelho do prontuário</a>
          </>
        )}
      </p>
      <nav class="page-nav" aria-label="Entidades da homologação">
        <a href={homologationPath()} aria-current={props.current === undefined ? 'page' : undefined}>
          Resumo
        </a>
        {HOMOLOGATION_SCREENS.filter((s) => s.dataClass !== 'ehr' || ehr).map((s) => (
          <a href={homologationPath(s.slug)} aria-current={props.current === s.slug ? 'page' : undefined}>
            {s.title} ({formatNumber(version.counts[s.entity]?.staged ?? 0)})
          </a>
        ))}
      </nav>
      {props.children}
    </>
  );
}
