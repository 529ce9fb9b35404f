import { formatNumber } from '@painel/core/module';
import type { VersionState } from '../tracks/track-status.ts';

export function VersionBadge({ state, activeBases }: { state: VersionState; activeBases?: number }) {
  if (state.kind === 'live') {
    const n = state.bases;
    const where =
      n === 'all'
        ? 'em todas as bases'
        : n === activeBases && n > 1
          ? `em todas as ${formatNumber(n)} bases`
          : `em ${formatNumber(n)} ${n === 1 ? 'base' : 'bases'}`;
    return <span class="badge badge-ok">Publicada {where}</span>;
  }
  if (state.kind === 'replaced') return <span class="badge badge-muted">Substituída</span>;
  return <span class="badge badge-warn">Rascunho</span>;
}
