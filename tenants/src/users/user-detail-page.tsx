import { formatDate, formatDateTime, PageHeader, t } from '@painel/core/module';
import type { AreaClinic } from './area-clinic.ts';
import { BasePicker } from './base-picker.tsx';
import { RoleOptions, roleLabel } from './roles.tsx';
import { UserStatusBadge } from './status-badge.tsx';
import type { UserArea } from './user-area.ts';
import type { areaMemberships, latestInvitation, ManagedUser } from './users-queries.ts';

type MembershipRow = Awaited<ReturnType<typeof areaMemberships>>[number];
type InvitationRow = NonNullable<Awaited<ReturnType<typeof latestInvitation>>>;

export interface UserDetailProps {
  area: UserArea;
  user: ManagedUser;
  memberships: MembershipRow[];
  invitation: InvitationRow | null;
  isSelf: boolean;
  now: Date;
  picker: { q: string; results: AreaClinic[]; selected: AreaClinic[] };
}

function MembershipsCard(props: UserDetailProps) {
  const { user, memberships, isSelf } = props;
  const locked = isSelf || props.area.readOnly === true;
  return (
    <section class="card" aria-labelledby="acessos">
      <h2 id="acessos">Acesso às bases</h2>
      {memberships.length === 0 ? (
        <p class="muted">{user.kind === 'reseller_admin' ? 'Administradores da singular alcançam todas as bases da singular.' : 'Nenhum acesso a bases que você administra.'}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Base</th>
                <th scope="col">Perfil</th>
                <th scope="col">
                  <span class="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => (
                <tr data-testid="membership-row">
                  <td>
                    <strong>{m.clinicName}</strong> {m.clinicStatus !== 'active' && <span class="badge badge-muted">base inativa</span>}
                    <div class="muted small">
                      id {m.clinicId} · desde {formatDate(m.since)}
                    </div>
                  </td>
                  <td>
                    {locked ? (
                      roleLabel(m.role)
                    ) : (
                      <form method="post" action={`/usuarios/${user.id}/vinculos/${m.clinicId}/perfil`} class="ua-inline-role-form">
                        <select name="perfil" aria-label={`Perfil na base ${m.clinicName}`}>
                          <RoleOptions selected={m.role} />
                        </select>
                        <button type="submit" class="secondary outline">
                          Salvar
                        </button>
                      </form>
                    )}
                  </td>
                  <td>
                    {!locked && (
                      <form
                        method="post"
                        action={`/usuarios/${user.id}/vinculos/${m.clinicId}/remover`}
                        data-confirm={`Remover o acesso de ${user.name} à base ${m.clinicName}?`}
                      >
                        <button type="submit" class="secondary outline ua-danger-outline ua-small-button">
                          Remover
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isSelf && <p class="muted small">Você não pode alterar os seus próprios acessos.</p>}
    </section>
  );
}

function AddMembershipCard(props: UserDetailProps) {
  const { user, picker } = props;
  return (
    <section class="card" aria-labelledby="novo-acesso">
      <h2 id="novo-acesso">Dar acesso a outra base</h2>
      <form method="post" action={`/usuarios/${user.id}/vinculos`}>
        <BasePicker
          legend="Base"
          name="base"
          multiple={false}
          q={picker.q}
          results={picker.results}
          selected={picker.selected}
          fallbackAction={`/usuarios/${user.id}`}
          forUser={user.id}
          hint="Só aparecem as bases a que a pessoa ainda não tem acesso."
        />
        <label>
          Perfil
          <select name="perfil">
            <RoleOptions selected="secretaria" />
          </select>
        </label>
        <button type="submit">Dar acesso</button>
      </form>
      <p class="muted small">
        Para várias bases de uma vez, use <a href="/usuarios/multi-clinica">Multi clínica</a>.
      </p>
    </section>
  );
}

function InvitationCard(props: UserDetailProps) {
  const { user, invitation, memberships, now } = props;
  const clinicId = invitation?.clinicId ?? memberships[0]?.clinicId;
  const expired = invitation ? invitation.expiresAt.getTime() <= now.getTime() : false;
  return (
    <section class="card" aria-labelledby="convite">
      <h2 id="convite">Convite</h2>
      {invitation ? (
        <p>
          Convite criado em {formatDateTime(invitation.createdAt)}.{' '}
          {invitation.revokedAt ? (
            <span class="badge badge-muted">substituído por um link mais novo</span>
          ) : expired ? (
            <span class="badge badge-danger">expirou em {formatDateTime(invitation.expiresAt)}</span>
          ) : (
            <span class="badge badge-warn">válido até {formatDateTime(invitation.expiresAt)}</span>
          )}
        </p>
      ) : (
        <p class="muted">{user.name} ainda não definiu a senha.</p>
      )}
      <p class="muted small">Por segurança, o link não fica guardado. Se a pessoa perdeu o link ou ele expirou, gere um novo (o anterior deixa de valer).</p>
      {clinicId !== undefined && !props.area.readOnly && (
        <form method="post" action={`/usuarios/${user.id}/convite`}>
          <input type="hidden" name="base" value={String(clinicId)} />
          <button type="submit" class="secondary">
            Gerar novo link de convite
          </button>
        </form>
      )}
    </section>
  );
}

function AccountCard(props: UserDetailProps) {
  const { user, isSelf } = props;
  const manageable = !props.area.readOnly && (user.kind === 'clinic_user' || (user.kind === 'reseller_admin' && props.area.kind === 'reseller'));
  return (
    <section class="card" aria-labelledby="conta">
      <h2 id="conta">Conta</h2>
      <dl class="facts">
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Tipo</dt>
        <dd>{t(`role.${user.kind}`)}</dd>
        <dt>Situação</dt>
        <dd>
          <UserStatusBadge status={user.status} />
        </dd>
        <dt>Cadastrado em</dt>
        <dd>{formatDate(user.createdAt)}</dd>
      </dl>
      {isSelf ? (
        <p class="muted small">Esta é a sua conta: você não pode desativá-la.</p>
      ) : !manageable ? null : user.status === 'inactive' ? (
        <form method="post" action={`/usuarios/${user.id}/reativar`}>
          <button type="submit">Reativar conta</button>
        </form>
      ) : (
        <form
          method="post"
          action={`/usuarios/${user.id}/desativar`}
          data-confirm={`Desativar ${user.name}? Todas as sessões abertas serão encerradas na hora.`}
        >
          <button type="submit" class="secondary ua-danger">
            Desativar conta
          </button>
          <small class="muted">A pessoa deixa de entrar no Painel e todas as sessões abertas são encerradas na hora.</small>
        </form>
      )}
    </section>
  );
}

export function UserDetailPage(props: UserDetailProps) {
  const { user, area } = props;
  return (
    <>
      <p class="breadcrumb">
        <a href="/usuarios">← Usuários</a>
      </p>
      <PageHeader title={user.name} subtitle={user.email} />
      <div class="ua-detail-grid">
        <div>
          <MembershipsCard {...props} />
          {area.kind === 'reseller' && user.kind === 'clinic_user' && user.status !== 'inactive' && <AddMembershipCard {...props} />}
        </div>
        <div>
          <AccountCard {...props} />
          {user.status === 'invited' && <InvitationCard {...props} />}
        </div>
      </div>
    </>
  );
}
