import {
  type AppEnv,
  type CoreServices,
  formatDateTime,
  type MembershipRole,
  passwordRules,
  renderPage,
  type ScreenRouter,
  writeSessionCookie,
} from '@painel/core/module';
import type { Context } from 'hono';
import { normalizeEmail } from '../parsing/index.ts';
import { areaClinicsByIds, searchAreaClinics } from '../users/area-clinic-search.ts';
import { baseIds, field, idParam } from '../users/params.ts';
import { requestAudit } from '../users/request-audit.ts';
import { isMembershipRole } from '../users/roles.tsx';
import type { UserArea } from '../users/user-area.ts';
import { areaOr403, usersMeta } from '../users/users-routes.tsx';
import { acceptInvitation } from './accept-invitation.ts';
import { AcceptForm, InvitationProblem } from './accept-pages.tsx';
import { invitationState } from './invitation-state.ts';
import { inviteUser } from './invite-user.ts';
import { type InviteErrors, InviteDonePage, InviteFormPage, type InviteFormValues, InvitationLinkCard } from './invite-pages.tsx';
import { reissueInvitation } from './reissue-invitation.ts';

async function renderInviteForm(
  c: Context<AppEnv>,
  area: UserArea,
  values: InviteFormValues,
  chosen: number[],
  errors: InviteErrors = {},
  status: 200 | 400 = 200,
): Promise<Response> {
  const picker = await c.get('tx')(async (tx) =>
    area.kind === 'reseller'
      ? { results: await searchAreaClinics(tx, area, values.q), selected: await areaClinicsByIds(tx, area, chosen.slice(0, 1)) }
      : { results: [], selected: [] },
  );
  return renderPage(c, { title: 'Convidar usuário', body: <InviteFormPage area={area} values={values} errors={errors} picker={picker} />, status });
}

function formValues(get: (name: string) => string): InviteFormValues {
  const role = get('perfil');
  return {
    name: get('nome').trim().slice(0, 120),
    email: get('email').trim().slice(0, 254),
    role: isMembershipRole(role) ? role : ('secretaria' as MembershipRole),
    q: get('buscaBase').trim().slice(0, 100),
  };
}

const problems = {
  unknown: { title: 'Link de convite inválido', body: 'Este link não existe. Confira se você copiou o endereço inteiro ou peça um novo convite a quem convidou você.' },
  used: { title: 'Convite já usado', body: 'Este convite já foi usado ou foi substituído por um link mais novo. Se você já criou sua senha, entre com seu e-mail e senha.' },
  inactive: { title: 'Conta desativada', body: 'A conta deste convite foi desativada. Fale com o gestor da sua clínica ou com a sua singular.' },
} as const;

export function invitationRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/usuarios/convidar', usersMeta('Convidar usuário'), async (c) => {
    const area = areaOr403(c);
    const values = formValues((name) => c.req.query(name) ?? '');
    return renderInviteForm(c, area, values, baseIds(c.req.queries('base')));
  });

  router.post('/usuarios/convidar', { ...usersMeta('Convidar usuário'), maxBodyBytes: 64 * 1024 }, async (c) => {
    const area = areaOr403(c);
    const body = await c.req.parseBody();
    const values = formValues((name) => field(body, name));
    const [clinicId] = baseIds([field(body, 'base')]);
    const errors: InviteErrors = {};
    const email = normalizeEmail(values.email);
    if (values.name.length < 2) errors.name = 'Informe o nome completo da pessoa.';
    if (!email) errors.email = values.email ? `“${values.email}” não é um e-mail válido.` : 'Informe o e-mail que a pessoa vai usar para entrar.';
    if (clinicId === undefined) errors.base = 'Escolha a base que a pessoa vai acessar.';
    if (!isMembershipRole(field(body, 'perfil'))) errors.role = 'Escolha um perfil válido.';
    if (Object.keys(errors).length > 0 || !email || clinicId === undefined) {
      return renderInviteForm(c, area, values, clinicId === undefined ? [] : [clinicId], errors, 400);
    }
    const result = await inviteUser(c, services, area, { email, name: values.name, clinicId, role: values.role });
    if (result.kind === 'refused') {
      const key = result.field === 'clinicId' ? 'base' : (result.field ?? 'form');
      return renderInviteForm(c, area, { ...values, email }, [clinicId], { [key]: result.message }, 400);
    }
    const done =
      result.kind === 'invited'
        ? { headline: 'Convite criado', detail: `Convite enviado para ${values.name}. A conta fica pendente até a pessoa criar a senha pelo link.` }
        : {
            headline: 'Acesso adicionado',
            detail: result.invitation
              ? `${result.email} já tinha cadastro, mas ainda não criou a senha: adicionamos o acesso à base e geramos um novo link de convite.`
              : `${result.email} já tinha cadastro no Painel: adicionamos o acesso à base, sem novo cadastro. A pessoa entra com a senha que já tem.`,
          };
    return renderPage(c, {
      title: done.headline,
      body: <InviteDonePage {...done} userId={result.userId} email={result.email} clinic={result.clinic} role={result.role} invitation={result.invitation} />,
    });
  });

  router.post('/usuarios/:id{[0-9]+}/convite', usersMeta('Usuário'), async (c) => {
    const area = areaOr403(c);
    const userId = idParam(c.req.param('id'));
    const [clinicId] = baseIds([field(await c.req.parseBody(), 'base')]);
    if (clinicId === undefined) {
      await c.get('flash')('Escolha a base do convite.', 'error');
      return c.redirect(`/usuarios/${userId}`, 303);
    }
    const result = await reissueInvitation(c, services, area, userId, clinicId);
    if (!result.ok) {
      await c.get('flash')(result.message, 'error');
      return c.redirect(`/usuarios/${userId}`, 303);
    }
    return renderPage(c, {
      title: 'Novo link de convite',
      body: (
        <>
          <p class="breadcrumb">
            <a href={`/usuarios/${userId}`}>← {result.name}</a>
          </p>
          <div class="flash flash-success" role="status">
            Novo link gerado para {result.name}. O link anterior desta base deixou de valer.
          </div>
          <InvitationLinkCard invitation={result.invitation} email={result.email} />
        </>
      ),
    });
  });

  const publicMeta = { permission: 'public', dataClass: 'personal', screen: 'Aceitar convite' } as const;

  const showState = async (c: Context<AppEnv>, token: string, error?: string, status: 200 | 400 = 200) => {
    c.header('Cache-Control', 'no-store');
    const state = await invitationState(services, token);
    switch (state.kind) {
      case 'open':
        return renderPage(c, { title: 'Criar sua senha', body: <AcceptForm token={token} invitation={state.invitation} error={error} />, status });
      case 'expired':
        return renderPage(c, {
          title: 'Convite expirado',
          body: (
            <InvitationProblem
              title="Convite expirado"
              body={`Este convite venceu em ${formatDateTime(state.expiresAt)} (horário de Brasília). Peça um novo link a quem convidou você.`}
            />
          ),
          status: 410,
        });
      case 'used':
        return renderPage(c, { title: problems.used.title, body: <InvitationProblem {...problems.used} loginLink />, status: 410 });
      case 'account-inactive':
        return renderPage(c, { title: problems.inactive.title, body: <InvitationProblem {...problems.inactive} />, status: 410 });
      default:
        return renderPage(c, { title: problems.unknown.title, body: <InvitationProblem {...problems.unknown} />, status: 404 });
    }
  };

  router.get('/convite/:token', publicMeta, (c) => showState(c, c.req.param('token') ?? ''));

  router.post('/convite/:token', { ...publicMeta, maxBodyBytes: 16 * 1024 }, async (c) => {
    const token = c.req.param('token') ?? '';
    const body = await c.req.parseBody();
    const password = field(body, 'senha');
    const confirmation = field(body, 'confirmacao');
    if (password.length < passwordRules.minLength) {
      return showState(c, token, `A senha precisa ter pelo menos ${passwordRules.minLength} caracteres.`, 400);
    }
    if (password.length > passwordRules.maxLength) {
      return showState(c, token, `A senha pode ter no máximo ${passwordRules.maxLength} caracteres.`, 400);
    }
    if (password !== confirmation) return showState(c, token, 'A confirmação não é igual à senha. Digite a mesma senha nos dois campos.', 400);
    const state = await invitationState(services, token);
    if (state.kind !== 'open') return showState(c, token);
    const accepted = await acceptInvitation(services, state.invitation, password, { ip: c.get('clientIp'), requestId: c.get('requestId') });
    if (!accepted) return showState(c, token);
    const previous = c.get('actor').sessionId;
    if (previous) await services.sessions.invalidate(previous);
    const { token: sessionToken, session } = await services.sessions.create(state.invitation.userId, {
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? null,
    });
    writeSessionCookie(c, services.config.secureCookies, sessionToken, session.expiresAt, services.clock.now());
    if (state.invitation.clinicId !== null) {
      await services.sessions.update(session.id, {
        activeResellerId: state.invitation.resellerId,
        activeClinicId: state.invitation.clinicId,
      });
    }
    await services.audit.append({
      ...requestAudit(c),
      action: 'auth.login',
      actorUserId: state.invitation.userId,
      actorEmail: state.invitation.email,
      details: { via: 'invitation' },
    });
    return c.redirect('/', 303);
  });
}
