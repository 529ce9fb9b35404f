import { asDateInputValue as br, DateInput, listOptionalHolidayKinds, PageHeader } from '@painel/core/plugin';
import { SupportTabs } from '../ui/tabs.tsx';
import { DEFAULT_TISS_REPLY, type SupportSettings } from './settings-schema.ts';
import type { DayOffPreview } from './upcoming-days-off.ts';

const weekdayName = (iso: string) =>
  new Intl.DateTimeFormat('pt-BR', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

export function SettingsPage(props: { settings: SupportSettings; errors: string[]; upcoming: DayOffPreview[]; today: string }) {
  const s = props.settings;
  return (
    <>
      <PageHeader title="Configurações do suporte" subtitle="Como os chamados das bases desta singular são atendidos e contados." />
      <SupportTabs current="configuracoes" kind="team" />
      {props.errors.length > 0 && (
        <div class="flash flash-error" role="alert" data-testid="settings-errors">
          <strong>Nada foi salvo:</strong>
          <ul>
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action="/p/support/configuracoes" class="sup-settings" data-testid="settings-form">
        <section class="card">
          <h2 class="sup-h2">Atendimento</h2>
          <label class="sup-check">
            <input type="checkbox" name="equipePropria" value="1" checked={s.ownSupportTeam} role="switch" />
            <span>
              <strong>A equipe de suporte da singular atende os chamados das bases</strong>
              <small class="muted">
                Ligado: novos chamados vão para a "Fila da singular" (que pode encaminhar ao suporte do fornecedor). Desligado: vão direto
                para o suporte do fornecedor. Chamados já abertos continuam onde estão.
              </small>
            </span>
          </label>
        </section>
        <section class="card">
          <h2 class="sup-h2">Resposta padrão para chamados de TISS</h2>
          <p class="small muted">
            Sugerida a quem atende chamados da categoria TISS (já preenchida na caixa de resposta). Ex.: glosas na solicitação de
            autorização devem ser tratadas com a operadora.
          </p>
          <label for="f-tiss" class="sup-sr-only">
            Texto padrão TISS
          </label>
          <textarea id="f-tiss" name="textoTiss" rows={6} maxlength={4000} required>
            {s.tissReplyText}
          </textarea>
          <details class="small">
            <summary>Ver o texto sugerido pela plataforma</summary>
            <p class="muted">{DEFAULT_TISS_REPLY}</p>
          </details>
        </section>
        <section class="card">
          <h2 class="sup-h2">Calendário do SLA</h2>
          <p class="small">
            Horário útil: <strong>segunda a sexta, 08:30–12:00 e 13:30–18:00 (Brasília)</strong>, exceto feriados nacionais. Os prazos de
            primeira resposta (alta 8, média 20 e baixa 80 horas úteis) só correm nesse horário.
          </p>
          <fieldset>
            <legend>Pontos facultativos sem atendimento</legend>
            {listOptionalHolidayKinds().map((k) => (
              <label class="sup-check">
                <input type="checkbox" name="facultativos" value={k.key} checked={s.optionalHolidays.includes(k.key)} />
                <span>{k.label}</span>
              </label>
            ))}
          </fieldset>
          <label for="f-retencao">
            Guardar anexos de chamados fechados por (dias)
            <input id="f-retencao" type="number" name="retencaoDias" min={30} max={3650} value={String(s.attachmentRetentionDays)} required />
            <small class="muted">Depois disso os arquivos são apagados (LGPD); as mensagens continuam.</small>
          </label>
        </section>
        <button type="submit">Salvar configurações</button>
      </form>
      <section class="card" aria-labelledby="folgas-title">
        <h2 id="folgas-title" class="sup-h2">
          Folgas adicionais
        </h2>
        <p class="small muted">Dias sem atendimento além dos feriados nacionais (ex.: feriado municipal da cidade da singular).</p>
        {s.extraDaysOff.length > 0 ? (
          <ul class="sup-daysoff" data-testid="extra-days">
            {s.extraDaysOff.map((d) => (
              <li>
                <span>
                  {br(d)} <span class="muted small">({weekdayName(d)})</span>
                </span>
                <form method="post" action="/p/support/configuracoes/folgas/remover" class="sup-inline">
                  <input type="hidden" name="data" value={d} />
                  <button type="submit" class="secondary outline" aria-label={`Remover a folga de ${br(d)}`}>
                    Remover
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">Nenhuma folga adicional.</p>
        )}
        <form method="post" action="/p/support/configuracoes/folgas" class="search-form">
          <label>
            Nova folga
            <DateInput name="data" required />
          </label>
          <button type="submit" class="secondary">
            Adicionar
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="proximos-title">
        <h2 id="proximos-title" class="sup-h2">
          Próximos dias úteis sem atendimento
        </h2>
        {props.upcoming.length === 0 ? (
          <p class="muted small">Nenhum nos próximos 4 meses.</p>
        ) : (
          <ul class="sup-upcoming" data-testid="upcoming-days-off">
            {props.upcoming.map((d) => (
              <li>
                <strong>{br(d.date)}</strong> <span class="muted small">{weekdayName(d.date)}</span> — {d.label}{' '}
                <span class={`badge ${d.kind === 'feriado' ? 'badge-info' : d.kind === 'folga' ? 'badge-warn' : 'badge-muted'}`}>
                  {d.kind === 'feriado' ? 'feriado nacional' : d.kind === 'folga' ? 'folga' : 'ponto facultativo'}
                </span>
                {d.partial && <span class="muted small"> (meio período)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
