/**
 * The message catalogue: every pt-BR text of core in one place, keyed, ready for a second language.
 * Modules keep their own catalogues built with `createCatalogue`.
 */
export type Catalogue<K extends string> = Record<K, string>;

export function createCatalogue<K extends string>(ptBR: Catalogue<K>) {
  return (key: K, params?: Record<string, string | number>): string => {
    const text = ptBR[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

export const t = createCatalogue({
  'app.name': 'Painel Singular',
  'app.tagline': 'Administração das bases clínicas da sua singular',
  'nav.home': 'Início',
  'nav.section.admin': 'Administração',
  'nav.section.clinic': 'Minha base',
  'menu.user': 'Menu do usuário',
  'menu.sessions': 'Minhas sessões',
  'menu.logout': 'Sair',
  'base.current': 'Base atual',
  'base.none': 'Nenhuma base selecionada',
  'base.switch': 'Alterar Clínica',
  'login.title': 'Entrar',
  'login.email': 'E-mail',
  'login.password': 'Senha',
  'login.submit': 'Entrar',
  'login.invalid': 'E-mail ou senha incorretos.',
  'login.throttled': 'Muitas tentativas de acesso. Tente novamente às {time} (horário de Brasília).',
  'login.required': 'Informe e-mail e senha.',
  'login.expired': 'Sua sessão terminou. Entre novamente.',
  'logout.done': 'Você saiu do Painel Singular.',
  'sessions.title': 'Minhas sessões',
  'sessions.intro': 'Estes são os dispositivos conectados à sua conta. Encerre os que você não reconhece.',
  'sessions.current': 'Esta sessão',
  'sessions.end': 'Encerrar',
  'sessions.endOthers': 'Encerrar todas as outras sessões',
  'sessions.ended': 'Sessão encerrada.',
  'sessions.endedOthers': '{sessions}.',
  'sessions.started': 'Início',
  'sessions.lastSeen': 'Último acesso',
  'sessions.expires': 'Expira em',
  'sessions.device': 'Navegador',
  'sessions.ip': 'Endereço IP',
  'home.title': 'Início',
  'home.welcome': 'Olá, {name}!',
  'error.403.title': 'Acesso negado',
  'error.403.body': 'Você não tem permissão para acessar esta página.',
  'error.csrf.body': 'A requisição foi recusada porque não veio desta página do Painel Singular. Recarregue a página e tente novamente.',
  'error.404.title': 'Página não encontrada',
  'error.404.body': 'A página que você procurou não existe ou você não tem acesso a ela.',
  'error.413.title': 'Arquivo ou envio grande demais',
  'error.413.body': 'O conteúdo enviado passa do limite de {limit}. Reduza o tamanho e tente novamente.',
  'error.429.title': 'Muitas tentativas',
  'error.500.title': 'Erro inesperado',
  'error.500.body': 'Algo deu errado do nosso lado. Se o problema continuar, informe ao suporte o código abaixo.',
  'error.503.title': 'Serviço temporariamente indisponível',
  'error.503.body': 'O Painel Singular não consegue acessar o banco de dados neste momento. Aguarde alguns segundos e tente novamente. Se você estava salvando algo, confira depois se a alteração foi registrada.',
  'error.503.retry': 'Tentar novamente',
  'error.nul.title': 'Dados inválidos',
  'error.nul.body': 'O campo "{field}" contém um caractere nulo (\\u0000), que não pode ser gravado. Volte, apague esse caractere e envie de novo.',
  'error.requestId': 'Código da requisição',
  'error.back': 'Voltar ao início',
  'error.ehr.title': 'Prontuário indisponível para este acesso',
  'error.ehr.body':
    'O prontuário eletrônico contém dados de saúde protegidos pela LGPD e nunca fica disponível para a equipe de suporte nem para administradores. Para analisar uma situação no prontuário, combine um acesso remoto acompanhado pelo próprio usuário da clínica.',
  'role.platform_admin': 'Administrador da plataforma',
  'role.support_agent': 'Equipe de suporte',
  'role.migration_team': 'Equipe de migração',
  'role.reseller_admin': 'Administrador da singular',
  'role.clinic_user': 'Usuário de clínica',
  'membership.gestor': 'Gestor',
  'membership.medico': 'Médico',
  'membership.secretaria': 'Secretária',
  'membership.financeiro': 'Financeiro',
  'common.save': 'Salvar',
  'common.cancel': 'Cancelar',
  'common.search': 'Buscar',
  'common.previous': 'Anterior',
  'common.next': 'Próxima',
  'common.yes': 'Sim',
  'common.no': 'Não',
  'common.active': 'Ativa',
  'common.inactive': 'Inativa',
  'common.skip': 'Pular para o conteúdo',
});

export type CoreMessageKey = Parameters<typeof t>[0];
