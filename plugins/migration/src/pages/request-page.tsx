import { DateInput, formatBytes, formatCalendarDate, formatDateTime, PageHeader, parseCalendarDate } from '@painel/core/plugin';
import type { AttachmentRow } from '../attachments/attachment-store.ts';
import { ACCEPTED_LABEL, MAX_ATTACHMENTS_PER_MESSAGE } from '../attachments/sniff.ts';
import { ACTIONS, type ActionKey, type RequestRole } from '../domain/lifecycle.ts';
import { formatPhone } from '../domain/request-form.ts';
import { AWAITING, isFinal, type State, stateLabel } from '../domain/states.ts';
import { ENTITIES, EXTRACTION_MODES, FORMATS, type ContactValue } from '../domain/vocabulary.ts';
import type { EventRow, MessageRow, RequestRow } from '../store/request-store.ts';
import { NextStep, StateTag } from '../ui/deadline.tsx';
import { requestPath } from '../ui/request-table.tsx';
import { ChecklistCard } from './checklist-card.tsx';
import type { BackupRow } from '../routes/backup-routes.tsx';
import { BackupsCard } from './backups-card.tsx';
import { GoLiveCard } from './go-live-card.tsx';
import { PlanCard } from './plan-card.tsx';
import { RetentionNote } from './retention-note.tsx';
import { VersionsCard } from './versions-card.tsx';
import { PackageCard } from './package-card.tsx';
import type { PackageRow } from '../routes/package-routes.tsx';
import type { VersionRow } from '../versions/version-store.ts';

/** From approval on, the go-live checklist is shown (and may be prepared); earlier only once someone filled it. */
const GO_LIVE_STATES: readonly State[] = ['aprovada', 'versao_final_agendada', 'versao_final_executada', 'encerrada'];

const isoDay = (iso: string) => {
  const d = parseCalendarDate(iso);
  return d ? formatCalendarDate(d) : iso;
};

function Contact(props: { c: ContactValue }) {
  return (
    <>
      {props.c.name} · {formatPhone(props.c.phone)} · <a href={`mailto:${props.c.email}`}>{props.c.email}</a>
    </>
  );
}

export interface RequestPageProps {
  r: RequestRow;
  role: RequestRole;
  now: Date;
  actions: ActionKey[];
  timeline: EventRow[];
  thread: MessageRow[];
  backups: BackupRow[];
  attachments: AttachmentRow[];
  versions: VersionRow[];
  packages: PackageRow[];
  canDownload: boolean;
  errors: string[];
}

export function RequestPage(props: RequestPageProps) {
  const { r, now } = props;
  const canWrite = props.role !== 'leitor' && !isFinal(r.state);
  return (
    <>
      <p class="small">
        <a href="/p/migration/solicitacoes">← Migração de dados</a>
      </p>
      <PageHeader
        title={`Migração #${r.id} · ${r.clinicName}`}
        subtitle={
          <>
            id da base {r.clinicId} · {r.resellerName} · aberta por {r.openedByName} em {formatDateTime(r.openedAt)} · <StateTag state={r.state} round={r.validationRound} />
          </>
        }
      />
      {props.role === 'leitor' && <p class="flash flash-info">Você acompanha esta migração somente para leitura.</p>}
      {props.errors.length > 0 && (
        <div class="flash flash-error" role="alert" data-testid="form-errors">
          <strong>Nada foi alterado:</strong>
          <ul>
            {props.errors.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <section class="card" aria-labelledby="proximo-passo" data-testid="next-step-card">
        <h2 id="proximo-passo" class="card-title">
          Próximo passo
        </h2>
        {isFinal(r.state) ? (
          <>
            <p>
              {AWAITING[r.state]}
              {r.cancelReason ? ` Motivo: ${r.cancelReason}` : ''}
              {r.closedAt ? ` (${formatDateTime(r.closedAt)})` : ''}
            </p>
            <RetentionNote r={r} />
          </>
        ) : (
          <>
            <p>
              <NextStep state={r.state} dueAt={r.dueAt} dueSide={r.dueSide} now={now} />
            </p>
            <p class="muted">{AWAITING[r.state]}</p>
          </>
        )}
        <dl class="facts">
          {r.extractionAt && (
            <>
              <dt>Extração agendada</dt>
              <dd data-testid="extraction-at">{formatDateTime(r.extractionAt)}</dd>
            </>
          )}
          {r.backupReceivedAt && (
            <>
              <dt>Backup recebido</dt>
              <dd>{formatDateTime(r.backupReceivedAt)}</dd>
            </>
          )}
          {r.feedback && (
            <>
              <dt>Parecer de viabilidade</dt>
              <dd data-testid="feedback">
                {r.feedback.viable ? 'Viável' : 'Inviável'} · versão de validação prevista para {isoDay(r.feedback.estimatedDate)}
                {r.feedback.note ? ` — ${r.feedback.note}` : ''}
              </dd>
            </>
          )}
          {r.finalAt && (
            <>
              <dt>Versão final agendada</dt>
              <dd>{formatDateTime(r.finalAt)}</dd>
            </>
          )}
          {r.finalExecutedAt && (
            <>
              <dt>Versão final executada</dt>
              <dd>{formatDateTime(r.finalExecutedAt)}</dd>
            </>
          )}
        </dl>
        {r.slotRequest && !isFinal(r.state) && (
          <p class="flash flash-info" data-testid="slot-request">
            {r.slotRequest.byName} pediu {r.slotRequest.kind === 'reagendar' ? 'o reagendamento' : 'o cancelamento'} da extração em {formatDateTime(new Date(r.slotRequest.at))}
            {r.slotRequest.availability
              ? ` (nova disponibilidade: ${isoDay(r.slotRequest.availability.date)}, ${r.slotRequest.availability.from}–${r.slotRequest.availability.to})`
              : ''}
            {r.slotRequest.note ? `: "${r.slotRequest.note}"` : ''}. A equipe de migração responde até {formatDateTime(new Date(r.slotRequest.dueAt))}.
          </p>
        )}
        {props.actions.length > 0 && (
          <div class="mig-actions">
            {props.actions.filter((key) => key !== 'aprovar').map((key) => (
              <ActionForm r={r} action={key} />
            ))}
          </div>
        )}
      </section>

      <div class="two-columns">
        <section class="card" aria-labelledby="dados">
          <h2 id="dados" class="card-title">
            Dados da solicitação
          </h2>
          <dl class="facts" data-testid="request-facts">
            <dt>Sistema legado</dt>
            <dd>
              {r.legacySystemName} · versão {r.legacyVersion}
            </dd>
            <dt>Disponibilidade</dt>
            <dd>
              {isoDay(r.availability.date)}, das {r.availability.from} às {r.availability.to}
            </dd>
            <dt>Contato da clínica</dt>
            <dd>
              <Contact c={r.clinicContact} />
            </dd>
            <dt>Analista da singular</dt>
            <dd>
              <Contact c={r.analystContact} />
            </dd>
            <dt>Extração</dt>
            <dd>{EXTRACTION_MODES[r.extractionMode]}</dd>
            <dt>Formatos</dt>
            <dd>
              {r.formats.map((f) => FORMATS[f]).join(', ')}
              {r.otherFormat ? ` (${r.otherFormat} — avaliação de viabilidade)` : ''}
            </dd>
            <dt>Informações</dt>
            <dd>
              <ul class="compact-list">
                {r.entities.map((k) => (
                  <li>
                    <strong>{ENTITIES[k].label}</strong> <small class="muted">— {ENTITIES[k].fields.join('; ')}</small>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
        <ChecklistCard r={r} canWrite={canWrite} />
      </div>

      <BackupsCard r={r} backups={props.backups} canWrite={canWrite} canDownload={props.role === 'equipe'} />
      <section class="card" id="arquivos" aria-labelledby="arquivos-link-title" data-testid="files-card">
        <h2 id="arquivos-link-title" class="card-title">
          Pré-validação dos arquivos
        </h2>
        <p>
          Envie os arquivos exportados do sistema antigo (CSV, Excel ou Access) para verificar o mapeamento das colunas e a qualidade dos dados antes da migração.
        </p>
        <p>
          <a class="button" href={`${requestPath(r.id)}/arquivos`}>
            Arquivos e relatório de viabilidade
          </a>
        </p>
      </section>

      <PlanCard r={r} canWrite={canWrite} />

      <VersionsCard r={r} versions={props.versions} />

      {(r.approvedVersionId || props.packages.length > 0) && (
        <PackageCard r={r} packages={props.packages} canBuild={props.role === 'equipe' && !isFinal(r.state)} canDownload={props.canDownload} />
      )}

      {(r.goLive || GO_LIVE_STATES.includes(r.state)) && <GoLiveCard r={r} canWrite={canWrite} />}

      <div class="two-columns">
        <section class="card" aria-labelledby="mensagens">
          <h2 id="mensagens" class="card-title">
            Mensagens
          </h2>
          {props.thread.length === 0 ? (
            <p class="muted">Nenhuma mensagem ainda.</p>
          ) : (
            <ol class="mig-thread" data-testid="thread">
              {props.thread.map((m) => (
                <li data-side={m.authorSide}>
                  <p class="small">
                    <strong>{m.authorName}</strong> <span class="muted">({m.authorSide === 'equipe' ? 'equipe de migração' : m.authorSide === 'singular' ? 'singular' : 'clínica'}) · {formatDateTime(m.at)}</span>
                  </p>
                  <p class="preline">{m.body}</p>
                  <Attachments r={r} files={props.attachments.filter((a) => a.messageId === m.id)} />
                </li>
              ))}
            </ol>
          )}
          {props.role !== 'leitor' && (
            <form method="post" action={`${requestPath(r.id)}/mensagens`} enctype="multipart/form-data" data-testid="message-form">
              <label for="f-mensagem">
                Nova mensagem
                <textarea id="f-mensagem" name="mensagem" rows={3} maxlength={5000} required></textarea>
              </label>
              {!isFinal(r.state) && (
                <label for="f-anexos">
                  Anexos (opcional)
                  <input id="f-anexos" type="file" name="anexos" multiple accept=".png,.jpg,.jpeg,.pdf,.csv,.txt" aria-describedby="f-anexos-ajuda" />
                  <small id="f-anexos-ajuda">
                    Até {MAX_ATTACHMENTS_PER_MESSAGE} arquivos de 10 MB: {ACCEPTED_LABEL}. Quem acompanha a migração pode baixá-los; cada download fica na auditoria.
                  </small>
                </label>
              )}
              <button type="submit">Enviar mensagem</button>
            </form>
          )}
        </section>
        <section class="card" aria-labelledby="linha-do-tempo">
          <h2 id="linha-do-tempo" class="card-title">
            Linha do tempo
          </h2>
          <ol class="mig-timeline" data-testid="timeline">
            {props.timeline.map((e) => (
              <li>
                <strong>{stateLabel(e.toState, 0).replace(/ 0$/, '')}</strong>
                <small class="muted">
                  {' '}
                  · {formatDateTime(e.at)} · {e.byName}
                </small>
                {e.action !== 'solicitar' && ACTIONS[e.action as ActionKey] && <small> — {ACTIONS[e.action as ActionKey].label}</small>}
                {e.note && <p class="small preline">{e.note}</p>}
                {e.dueAt && e.dueSide && (
                  <p class="small muted">
                    Prazo: {e.dueSide === 'equipe' ? 'equipe de migração' : 'clínica e singular'} até {formatDateTime(e.dueAt)}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

/** One lifecycle action: its inputs and its button. */
function ActionForm(props: { r: RequestRow; action: ActionKey }) {
  const spec = ACTIONS[props.action];
  const id = (name: string) => `f-${props.action}-${name}`;
  const buttonClass = spec.tone === 'danger' ? 'danger' : spec.tone === 'secondary' ? 'secondary' : undefined;
  return (
    <form method="post" action={`${requestPath(props.r.id)}/acoes/${props.action}`} class="mig-action" data-action={props.action}>
      {spec.input === 'slot' && (
        <div class="grid">
          <label for={id('data')}>
            Data
            <DateInput id={id('data')} name="data" required value={props.action === 'agendar_extracao' ? props.r.availability.date : ''} />
          </label>
          <label for={id('hora')}>
            Hora
            <input id={id('hora')} name="hora" type="time" required value={props.action === 'agendar_extracao' ? props.r.availability.from : ''} />
          </label>
        </div>
      )}
      {spec.input === 'slotRequest' && (
        <div class="grid">
          <label for={id('data')}>
            Nova data disponível
            <DateInput id={id('data')} name="data" required />
          </label>
          <label for={id('de')}>
            Das
            <input id={id('de')} name="de" type="time" required />
          </label>
          <label for={id('ate')}>
            Até
            <input id={id('ate')} name="ate" type="time" required />
          </label>
        </div>
      )}
      {spec.input === 'feedback' && (
        <>
          <fieldset>
            <legend>A migração é viável?</legend>
            <label class="mig-inline">
              <input type="radio" name="viavel" value="sim" required /> Sim
            </label>
            <label class="mig-inline">
              <input type="radio" name="viavel" value="nao" /> Não
            </label>
          </fieldset>
          <label for={id('data')}>
            Previsão da primeira versão de validação
            <DateInput id={id('data')} name="data" required />
          </label>
        </>
      )}
      {(spec.input === 'note' || spec.input === 'slotRequest' || spec.input === 'feedback') && (
        <label for={id('nota')}>
          {props.action === 'cancelar' ? 'Motivo do cancelamento' : spec.input === 'feedback' ? 'Observações do parecer' : props.action === 'pedir_ajustes' ? 'O que precisa ser ajustado?' : 'Observação'}
          <textarea id={id('nota')} name="nota" rows={2} maxlength={2000} required={spec.input === 'note'}></textarea>
        </label>
      )}
      <button type="submit" class={buttonClass}>
        {spec.label}
      </button>
    </form>
  );
}

/** A message's attachments: a download link each (audited), or what is left after retention. */
function Attachments(props: { r: RequestRow; files: AttachmentRow[] }) {
  if (props.files.length === 0) return null;
  return (
    <ul class="compact-list" data-testid="attachments">
      {props.files.map((a) => (
        <li data-attachment={a.id}>
          {a.fileRef ? (
            <a href={`${requestPath(props.r.id)}/anexos/${a.id}?baixar=1`} download={a.fileName}>
              {a.fileName}
            </a>
          ) : (
            <span>
              {a.fileName} <small class="muted">(excluído pela retenção{a.deletedAt ? ` em ${formatDateTime(a.deletedAt)}` : ''})</small>
            </span>
          )}{' '}
          <small class="muted">· {formatBytes(a.sizeBytes)}</small>
        </li>
      ))}
    </ul>
  );
}
