import { formatDate } from '@painel/core/module';
import { bookingStatusLabel, type BookingSummary } from '../booking/booking-labels.ts';
import { AchievementBlock } from './achievement-block.tsx';
import { Icon } from './icons.tsx';
import { type PanelLinks, panelIds } from './panel-links.ts';
import type { AchievementState, PanelState, TrackState } from './panel-state.ts';
import { ProgressBar } from './progress-bar.tsx';
import { StageOverview, TrackSection, TrackSummary } from './track-section.tsx';

export interface PanelViewProps {
  state: PanelState;
  links: PanelLinks;
  /** The user's latest booking request in this base (live panel only). */
  booking: BookingSummary | null;
  /** A block to keep open, "<trackId>-<index>" (after marking a task without JavaScript). */
  openBlock?: string | undefined;
  preview?: boolean;
}

/** The block a user should work on next: the first open, unfinished conquista. */
export function currentBlock(state: PanelState): string | null {
  for (const track of state.tracks) {
    const next = track.achievements.find((a) => !a.complete && !a.locked);
    if (next) return `${track.trackId}-${next.index}`;
  }
  return null;
}

export function blockOpener(state: PanelState, openBlock?: string) {
  const current = currentBlock(state);
  return (track: TrackState) => (a: AchievementState) => {
    const key = `${track.trackId}-${a.index}`;
    return key === current || key === openBlock;
  };
}

/** The onboarding video panel ("Painel de evolução") of the home screen. */
export function PanelView(props: PanelViewProps) {
  const { state } = props;
  const opener = blockOpener(state, props.openBlock);
  return (
    <section class="video-panel" aria-labelledby="painel-titulo" id="painel" data-testid="painel">
      <header class="vp-header">
        <div>
          <h2 id="painel-titulo">Painel de evolução</h2>
          <p class="muted">Vídeos e artigos curtos para você aproveitar o sistema, etapa por etapa.</p>
        </div>
        <OverallProgress state={state} />
      </header>
      <BookingCallout state={state} booking={props.booking} preview={props.preview ?? false} />
      {state.tracks.map((track) => (
        <TrackSection track={track} links={props.links} isOpen={opener(track)} />
      ))}
    </section>
  );
}

export function OverallProgress(props: { state: PanelState; oob?: boolean }) {
  return (
    <div class="vp-overall" id={panelIds.overall} hx-swap-oob={props.oob ? 'outerHTML' : undefined}>
      <ProgressBar id="painel-progresso" label="Seu progresso geral" done={props.state.done} total={props.state.total} />
    </div>
  );
}

/** "Agendar um horário" once everything is done; the request's status once sent; else a hint. */
export function BookingCallout(props: { state: PanelState; booking: BookingSummary | null; preview: boolean; oob?: boolean }) {
  const { state, booking } = props;
  const oob = props.oob ? 'outerHTML' : undefined;
  if (booking && (booking.status === 'novo' || booking.status === 'agendado')) {
    return (
      <div class="vp-booking is-sent" id={panelIds.booking} hx-swap-oob={oob} data-testid="booking-status">
        <p>
          <strong>Pedido enviado</strong> em {formatDate(booking.createdAt)} — status:{' '}
          <span class={`badge ${booking.status === 'agendado' ? 'badge-ok' : 'badge-info'}`}>{bookingStatusLabel[booking.status]}</span>
        </p>
        <a href="/painel/agendar">Ver pedido</a>
      </div>
    );
  }
  if (state.complete) {
    return (
      <div class="vp-booking is-ready" id={panelIds.booking} hx-swap-oob={oob} data-testid="booking-cta">
        <div>
          <p class="vp-booking-title">
            <Icon name="party" /> Parabéns! Você concluiu todo o painel.
          </p>
          <p class="muted">Converse com um consultor de Sucesso do Cliente para tirar dúvidas e conhecer mais recursos.</p>
        </div>
        {props.preview ? (
          <button type="button" disabled>
            Agendar um horário
          </button>
        ) : (
          <a href="/painel/agendar" role="button" data-testid="agendar">
            <Icon name="calendar" /> Agendar um horário
          </a>
        )}
      </div>
    );
  }
  return (
    <div class="vp-booking is-hint" id={panelIds.booking} hx-swap-oob={oob}>
      <p class="muted small">
        Ao concluir todas as tarefas, o botão <strong>Agendar um horário</strong> aparece aqui para você marcar uma conversa com
        um consultor de Sucesso do Cliente.
        {booking ? ` Seu último pedido está ${bookingStatusLabel[booking.status].toLowerCase()}.` : ''}
      </p>
    </div>
  );
}

/**
 * The htmx answer to marking a task: the changed block, plus out-of-band swaps for everything that
 * depends on it (track and overall progress, etapas, later blocks whose lock may change, booking).
 */
export function MarkResponse(props: { state: PanelState; track: TrackState; achievement: AchievementState; links: PanelLinks; booking: BookingSummary | null }) {
  const { state, track, achievement, links } = props;
  const opener = blockOpener(state, `${track.trackId}-${achievement.index}`)(track);
  const later = track.achievements.filter((a) => a.index > achievement.index);
  // Finishing a track opens the next track's current conquista.
  const current = currentBlock(state);
  const nextTrack = state.tracks.find((t) => t.trackId !== track.trackId && current?.startsWith(`${t.trackId}-`));
  const nextBlock = nextTrack?.achievements.find((a) => `${nextTrack.trackId}-${a.index}` === current);
  return (
    <>
      <AchievementBlock track={track} achievement={achievement} links={links} open />
      {later.map((a) => (
        <AchievementBlock track={track} achievement={a} links={links} open={opener(a)} oob />
      ))}
      {nextTrack && nextBlock && <AchievementBlock track={nextTrack} achievement={nextBlock} links={links} open oob />}
      <TrackSummary track={track} headingId={`trilha-${track.trackId}-titulo`} oob />
      {track.isDefault && <StageOverview track={track} oob />}
      <OverallProgress state={state} oob />
      <BookingCallout state={state} booking={props.booking} preview={false} oob />
    </>
  );
}
