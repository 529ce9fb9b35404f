import { ErrorSummary, type MembershipRole, PageHeader, plural } from '@painel/core/module';
import type { RequestError } from '../parsing/index.ts';
import type { AreaClinic } from '../users/area-clinic.ts';
import { BasePicker } from '../users/base-picker.tsx';
import { RoleOptions, roleLabel } from '../users/roles.tsx';
import { userStatusLabel } from '../users/status-badge.tsx';
import { type BaseStatus, isRefused, type Preview, type PreviewRow } from './preview.ts';

export const seedExample = 'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456';

export interface PasteValues {
  text: string;
  role: MembershipRole | null;
  errors: RequestError[];
}

export interface PickValues {
  email: string;
  typedIds: string;
  role: MembershipRole;
  q: string;
  selected: AreaClinic[];
  results: AreaClinic[];
  errors: string[];
}

function DefaultRoleSelect(props: { selected: MembershipRole | null }) {
  return (
    <label>
      Perfil nos novos vínculos
      <select name="perfil">
        <option value="" selected={props.selected === null}>
          O mesmo da base de origem (ou Secretária)
        </option>
        <RoleOptions selected={props.selected ?? undefined} />
      </select>
    </label>
  );
}

export function MultiClinicFormPage(props: { paste: PasteValues; pick: PickValues }) {
  const { paste, pick } = props;
  return (
    <>
      <p class="breadcrumb">
        <a href="/usuarios">← Usuários</a>
      </p>
      <PageHeader
        title="Multi clínica"
        subtitle="Dê a um usuário acesso a várias bases da sua singular de uma vez. Você vê uma prévia por base antes de confirmar; nada é gravado pela metade."
      />
      <div class="ua-two-columns">
        <form method="post" action="/usuarios/multi-clinica/previa" class="card" aria-labelledby="colar">
          <h2 id="colar">Colar o pedido</h2>
          <p class="muted small">Cole o pedido no formato que a singular já usa:</p>
          <pre class="ua-example">{seedExample}</pre>
          {paste.errors.length > 0 && (
            <div class="flash flash-error" role="alert" data-testid="parse-errors">
              <strong>O pedido não pôde ser lido:</strong>
              <ul>
                {paste.errors.map((e) => (
                  <li>
                    {e.line !== null && <span class="mono">Linha {e.line}: </span>}
                    {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <input type="hidden" name="modo" value="texto" />
          <label>
            Pedido
            <textarea name="pedido" rows={6} required maxlength={50000} class="mono" aria-invalid={paste.errors.length > 0 ? 'true' : undefined}>
              {paste.text}
            </textarea>
          </label>
          <DefaultRoleSelect selected={paste.role} />
          <button type="submit">Ver prévia</button>
        </form>
        <form method="post" action="/usuarios/multi-clinica/previa" class="card" aria-labelledby="escolher">
          <h2 id="escolher">Ou escolher as bases</h2>
          <ErrorSummary errors={pick.errors} />
          <input type="hidden" name="modo" value="formulario" />
          <label>
            E-mail do usuário
            <input type="email" name="email" value={pick.email} maxlength={254} autocomplete="off" placeholder="fulano@clinica.com.br" />
          </label>
          <BasePicker legend="Bases" name="bases" multiple q={pick.q} results={pick.results} selected={pick.selected} fallbackAction="/usuarios/multi-clinica" />
          <label>
            Ou digite os ids das bases
            <input type="text" name="ids" value={pick.typedIds} placeholder="2345, 3456" inputmode="numeric" maxlength={10000} />
          </label>
          <label>
            Perfil nos novos vínculos
            <select name="perfil">
              <RoleOptions selected={pick.role} />
            </select>
          </label>
          <button type="submit">Ver prévia</button>
        </form>
      </div>
    </>
  );
}

const statusView: Record<BaseStatus, { label: string; tone: string; detail: (row: PreviewRow) => string }> = {
  new: { label: 'novo vínculo', tone: 'badge-ok', detail: () => 'O acesso será criado ao confirmar.' },
  member: { label: 'já é membro', tone: 'badge-muted', detail: (r) => `Perfil atual: ${r.role ? roleLabel(r.role) : '—'}. Nada muda.` },
  not_found: { label: 'base não encontrada', tone: 'badge-danger', detail: () => 'Não existe base com este id. Confira o número com quem pediu.' },
  other_reseller: {
    label: 'outra singular — recusada',
    tone: 'badge-danger',
    detail: () => 'A base pertence a outra singular: só a singular dona da base pode dar acesso a ela.',
  },
  inactive: { label: 'base inativa', tone: 'badge-warn', detail: () => 'A base está desativada; reative-a antes de dar acesso.' },
};

function OriginLine(props: { preview: Preview }) {
  const { origin } = props.preview;
  if (!origin) return <dd class="muted">Não informada</dd>;
  const name = origin.clinicName ? `${origin.clinicName} · id ${origin.baseId}` : `id ${origin.baseId}`;
  const note =
    origin.status === 'member'
      ? `já é membro (perfil ${origin.role ? roleLabel(origin.role) : '—'})`
      : origin.status === 'new' || origin.status === 'inactive'
        ? 'o usuário não está cadastrado nesta base'
        : origin.status === 'other_reseller'
          ? 'base de outra singular'
          : 'base não encontrada';
  return (
    <dd>
      {name} — <span class={origin.status === 'member' ? '' : 'ua-warn-text'}>{note}</span>
    </dd>
  );
}

export function PreviewPage(props: {
  preview: Preview;
  role: MembershipRole;
  mode: 'texto' | 'formulario';
  text: string;
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const { preview, role } = props;
  const { user, rows } = preview;
  const fresh = rows.filter((r) => r.status === 'new');
  const members = rows.filter((r) => r.status === 'member');
  const refused = rows.filter(isRefused);
  const canApply = !preview.userProblem && fresh.length > 0;
  return (
    <>
      <p class="breadcrumb">
        <a href="/usuarios/multi-clinica">← Multi clínica</a>
      </p>
      <PageHeader title="Prévia do pedido multi clínica" subtitle="Confira base por base. Nada foi gravado ainda." />
      {props.error && (
        <div class="flash flash-error" role="alert" data-testid="apply-error">
          {props.error}
        </div>
      )}
      {props.notice && (
        <div class="flash flash-info" role="status">
          {props.notice}
        </div>
      )}
      {preview.ask.warnings.length > 0 && (
        <div class="flash flash-info" role="status">
          <strong>Ajustes feitos na leitura do pedido:</strong>
          <ul>
            {preview.ask.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <section class="card">
        <dl class="facts">
          <dt>Usuário</dt>
          <dd data-testid="preview-user">
            {preview.ask.email}
            {user && (
              <>
                {' '}
                — {user.visibleName ?? 'cadastrado no Painel (ainda sem acesso a bases desta singular)'} ·{' '}
                <span class="muted">{userStatusLabel(user.status)}</span>
              </>
            )}
          </dd>
          <dt>Já cadastrado na base</dt>
          <OriginLine preview={preview} />
          <dt>Resumo</dt>
          <dd data-testid="preview-summary">
            {fresh.length} {fresh.length === 1 ? 'novo vínculo' : 'novos vínculos'} · {members.length} já {members.length === 1 ? 'é membro' : 'são membro'} ·{' '}
            {refused.length} {refused.length === 1 ? 'recusada' : 'recusadas'}
          </dd>
        </dl>
      </section>
      {preview.userProblem && (
        <div class="flash flash-error" role="alert" data-testid="user-problem">
          {preview.userProblem}
          {!user && (
            <>
              {' '}
              <a href={`/usuarios/convidar?email=${encodeURIComponent(preview.ask.email)}${fresh[0] ? `&base=${fresh[0].baseId}` : ''}`}>Convidar esta pessoa</a>
            </>
          )}
        </div>
      )}
      <div class="table-wrap">
        <table data-testid="preview-table">
          <thead>
            <tr>
              <th scope="col" class="ua-nowrap">Id da base</th>
              <th scope="col">Base</th>
              <th scope="col">Situação</th>
              <th scope="col">Detalhe</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const view = statusView[row.status];
              return (
                <tr data-testid="preview-row" data-status={row.status}>
                  <td class="mono">{row.baseId}</td>
                  <td>{row.clinicName ?? <span class="muted">—</span>}</td>
                  <td>
                    <span class={`badge ${view.tone}`}>{view.label}</span>
                  </td>
                  <td class="small">{view.detail(row)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canApply ? (
        <form method="post" action="/usuarios/multi-clinica/confirmar" class="card confirm-card">
          <input type="hidden" name="email" value={preview.ask.email} />
          <input type="hidden" name="origem" value={preview.ask.existingBaseId === null ? '' : String(preview.ask.existingBaseId)} />
          {rows.map((r) => (
            <input type="hidden" name="bases" value={String(r.baseId)} />
          ))}
          {fresh.map((r) => (
            <input type="hidden" name="esperado" value={String(r.baseId)} />
          ))}
          <label>
            Perfil nos novos vínculos
            <select name="perfil">
              <RoleOptions selected={role} />
            </select>
          </label>
          {refused.length > 0 && (
            <p data-testid="skip-refused-note">
              {refused.length === 1 ? 'Uma base foi recusada e' : `${refused.length} bases foram recusadas e`} não{' '}
              {refused.length === 1 ? 'recebe' : 'recebem'} vínculo. Confirme para criar só{' '}
              {fresh.length === 1 ? 'o novo vínculo' : `os ${plural(fresh.length, { one: 'novo vínculo', other: 'novos vínculos' })}`}, ou cancele e
              corrija o pedido.
            </p>
          )}
          <div class="form-actions">
            {refused.length > 0 ? (
              // The choice to leave refused bases out is the button itself (no checkbox to tick first).
              <button type="submit" name="ignorarRecusadas" value="1" data-testid="confirm-button">
                {refused.length === 1 ? 'Confirmar sem a base recusada' : `Confirmar sem as ${refused.length} bases recusadas`}
              </button>
            ) : (
              <button type="submit" data-testid="confirm-button">
                Confirmar {plural(fresh.length, { one: 'novo vínculo', other: 'novos vínculos' })}
              </button>
            )}
            <a href="/usuarios/multi-clinica" role="button" class="secondary outline" data-testid="cancel-button">
              Cancelar
            </a>
          </div>
          <p class="muted small">Todos os vínculos são criados juntos, numa única operação: ou todos, ou nenhum.</p>
        </form>
      ) : (
        !preview.userProblem && <p class="empty-state">Nada a fazer: não há novos vínculos para criar neste pedido.</p>
      )}
      {props.mode === 'texto' && (
        <details class="card">
          <summary>Corrigir o pedido</summary>
          <form method="post" action="/usuarios/multi-clinica/previa">
            <input type="hidden" name="modo" value="texto" />
            <textarea name="pedido" rows={6} class="mono" aria-label="Pedido" maxlength={50000}>
              {props.text}
            </textarea>
            <button type="submit" class="secondary">
              Ver prévia de novo
            </button>
          </form>
        </details>
      )}
    </>
  );
}
