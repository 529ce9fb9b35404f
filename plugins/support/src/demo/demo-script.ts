/** The demo tickets, as scripts: who opens what, then what happens, in business hours after the previous step. */
import type { BoardColumn, Category, Priority, SystemModule } from '../domain/vocabulary.ts';

export type Opener = 'clinica' | 'medico' | 'singular' | 'vizinha';

export type Step =
  | { afterH: number; priority: Priority }
  | { afterH: number; agent: string; status?: 'em_atendimento' | 'aguardando_cliente' | 'resolvido' }
  | { afterH: number; client: string }
  | { afterH: number; status: 'em_atendimento' | 'aguardando_cliente' | 'resolvido' | 'fechado'; by: 'agent' | 'client' };

export interface TicketScript {
  key: string;
  base: number;
  by: Opener;
  category: Category;
  module: SystemModule;
  subject: string;
  body: string;
  /** Business hours before "now" the ticket was opened. */
  agoH: number;
  steps: Step[];
  attachment?: boolean;
  card?: BoardColumn;
  /** Key of the closed ticket this one continues. */
  continues?: string;
}

export const featured: TicketScript[] = [
  {
    key: 'violado',
    base: 1001,
    by: 'clinica',
    category: 'erro',
    module: 'faturamento',
    subject: 'Não consigo gerar o lote de faturamento (erro ao enviar XML)',
    body: 'Desde ontem, ao clicar em "Gerar lote" aparece a mensagem "Falha ao validar XML" e nenhum lote é gerado. Precisamos enviar o faturamento do mês para a operadora até sexta. Segue o print da tela.',
    agoH: 11,
    steps: [{ afterH: 0.3, priority: 'alta' }],
    attachment: true,
    card: 'em_analise',
  },
  {
    key: 'em-risco',
    base: 1002,
    by: 'medico',
    category: 'erro',
    module: 'agenda',
    subject: 'Agenda não abre os pacientes de hoje',
    body: 'A agenda da Clínica Demo Norte fica carregando e não mostra os pacientes marcados para hoje. Já testei em outro computador e no celular. A recepção está anotando à mão.',
    agoH: 7.4,
    steps: [{ afterH: 0.2, priority: 'alta' }],
    card: 'novo',
  },
  {
    key: 'sem-triagem',
    base: 1001,
    by: 'medico',
    category: 'duvida',
    module: 'prontuario',
    subject: 'Como imprimir a receita com a logo da clínica?',
    body: 'Gostaria que a receita impressa saísse com a logo e o endereço da clínica no cabeçalho. Onde configuro isso? Vi este artigo mas não achei a opção: https://ajuda.exemplo.com.br/receituario',
    agoH: 0.5,
    steps: [],
  },
  {
    key: 'tiss',
    base: 1003,
    by: 'singular',
    category: 'tiss',
    module: 'faturamento',
    subject: 'Glosa na solicitação de autorização — guia 48213',
    body: 'A cooperada da Clínica Demo Sul recebeu glosa na solicitação de autorização da guia 48213 (código 1705 — procedimento não autorizado). O sistema enviou a guia corretamente? Abrimos pelo usuário multi clínica da singular.',
    agoH: 3,
    steps: [],
  },
  {
    key: 'aguardando',
    base: 1001,
    by: 'clinica',
    category: 'erro',
    module: 'financeiro',
    subject: 'Relatório de repasse com valores zerados',
    body: 'O relatório de repasse médico de fevereiro mostra todos os valores zerados, mas os atendimentos estão lançados.',
    agoH: 14,
    steps: [
      { afterH: 0.5, priority: 'media' },
      {
        afterH: 1.5,
        agent: 'Olá, Carla! Para reproduzirmos: qual filtro de período e de profissional você usou? Se puder, envie um print da tela de filtros.',
        status: 'aguardando_cliente',
      },
    ],
    card: 'em_analise',
  },
  {
    key: 'atendimento',
    base: 1002,
    by: 'medico',
    category: 'duvida',
    module: 'cadastros',
    subject: 'Como cadastrar o convênio Unimed Intercâmbio',
    body: 'Preciso atender pacientes de intercâmbio. Como cadastro o convênio e a tabela de procedimentos?',
    agoH: 30,
    steps: [
      { afterH: 1, priority: 'baixa' },
      { afterH: 4, agent: 'Olá, Dr. Marcos! Acesse Cadastros › Convênios › Novo e escolha "Unimed Intercâmbio" na lista de operadoras. Estou verificando a tabela de procedimentos e já retorno.' },
    ],
  },
  {
    key: 'resolvido',
    base: 1001,
    by: 'clinica',
    category: 'melhoria',
    module: 'agenda',
    subject: 'Permitir cor diferente por tipo de consulta na agenda',
    body: 'Seria ótimo se cada tipo de consulta (primeira vez, retorno, procedimento) tivesse uma cor própria na agenda.',
    agoH: 40,
    steps: [
      { afterH: 2, priority: 'baixa' },
      {
        afterH: 6,
        agent: 'Obrigado pela sugestão, Carla! Registramos o pedido de melhoria e ele foi encaminhado à equipe de produto. Vamos avisar por aqui quando houver novidade.',
        status: 'resolvido',
      },
    ],
    card: 'encaminhado',
  },
  {
    key: 'memed',
    base: 1001,
    by: 'clinica',
    category: 'erro',
    module: 'prontuario',
    subject: 'Prescrição MEMED não abre no Chrome',
    body: 'Ao clicar em "Nova prescrição" a janela da MEMED fica em branco.',
    agoH: 70,
    steps: [
      { afterH: 0.5, priority: 'media' },
      { afterH: 3, agent: 'Olá! Era o bloqueador de pop-ups do navegador. Libere pop-ups para o endereço do sistema e tente de novo.', status: 'resolvido' },
      { afterH: 2, client: 'Funcionou, obrigada!' },
      { afterH: 0.1, status: 'resolvido', by: 'agent' },
      { afterH: 0.2, status: 'fechado', by: 'client' },
    ],
    card: 'resolvido',
  },
  {
    key: 'memed-continuacao',
    base: 1001,
    by: 'clinica',
    category: 'erro',
    module: 'prontuario',
    subject: 'Continuação: Prescrição MEMED não abre no Chrome',
    body: 'O problema da MEMED voltou no computador do consultório 2, mesmo com os pop-ups liberados.',
    agoH: 20,
    steps: [
      { afterH: 0.5, priority: 'media' },
      { afterH: 2, agent: 'Vamos verificar. Pode liberar o Acesso suporte por 1 dia para olharmos a configuração da base?' },
    ],
    continues: 'memed',
  },
  {
    key: 'vizinha-aberto',
    base: 2001,
    by: 'vizinha',
    category: 'duvida',
    module: 'agenda',
    subject: 'Como configurar o intervalo entre consultas',
    body: 'A Clínica Vizinha Alfa quer 10 minutos de intervalo entre as consultas. Onde configuro?',
    agoH: 4,
    steps: [],
  },
  {
    key: 'vizinha-fechado',
    base: 2002,
    by: 'vizinha',
    category: 'duvida',
    module: 'outro',
    subject: 'Trocar o e-mail de acesso de uma secretária',
    body: 'A secretária da Clínica Vizinha Beta mudou de e-mail. Como atualizo o acesso?',
    agoH: 60,
    steps: [
      { afterH: 1, priority: 'baixa' },
      { afterH: 2, agent: 'Olá! Em Usuários, edite a secretária e informe o novo e-mail; ela recebe um convite para definir a senha.', status: 'resolvido' },
      { afterH: 1, status: 'fechado', by: 'client' },
    ],
  },
];

/** Subjects for the few weeks of history behind the charts. */
export const historyPool: ReadonlyArray<{ category: Category; module: SystemModule; subject: string; body: string; answer: string }> = [
  { category: 'duvida', module: 'agenda', subject: 'Como bloquear horários da agenda para férias', body: 'Vou tirar férias e preciso bloquear a agenda por 15 dias.', answer: 'Em Agenda › Bloqueios, escolha o período e o profissional. Artigo: https://ajuda.exemplo.com.br/agenda/bloqueios' },
  { category: 'duvida', module: 'agenda', subject: 'Confirmação de consulta por WhatsApp', body: 'É possível enviar confirmação automática de consulta?', answer: 'Sim: em Configurações › Comunicação ative a confirmação e escolha a antecedência.' },
  { category: 'duvida', module: 'prontuario', subject: 'Como criar modelo de anamnese', body: 'Quero um modelo de anamnese para primeira consulta.', answer: 'Em Prontuário › Modelos › Novo modelo você monta os campos. Veja o vídeo no painel de conquistas.' },
  { category: 'duvida', module: 'financeiro', subject: 'Fechamento de caixa diário', body: 'Como faço o fechamento do caixa no fim do dia?', answer: 'Em Financeiro › Caixa, use "Fechar caixa" e confira o resumo por forma de pagamento.' },
  { category: 'duvida', module: 'cadastros', subject: 'Incluir procedimento na tabela do convênio', body: 'Preciso incluir um procedimento novo na tabela.', answer: 'Em Cadastros › Procedimentos, use "Importar TUSS" ou cadastre manualmente.' },
  { category: 'duvida', module: 'migracao', subject: 'Histórico de consultas antigas não aparece', body: 'Os atendimentos do sistema antigo não aparecem no prontuário.', answer: 'Os dados migrados ficam em "Histórico importado" na ficha do paciente.' },
  { category: 'duvida', module: 'outro', subject: 'Trocar e-mail de acesso', body: 'Como troco o e-mail que uso para entrar?', answer: 'No menu do perfil, em Minha conta, altere o e-mail e confirme pelo link.' },
  { category: 'erro', module: 'agenda', subject: 'Horário duplicado ao remarcar consulta', body: 'Ao remarcar, a consulta aparece duas vezes.', answer: 'Reproduzimos e corrigimos a duplicidade. Pode verificar, por favor?' },
  { category: 'erro', module: 'faturamento', subject: 'Guia SP/SADT sem número do prestador', body: 'A guia sai sem o número do prestador.', answer: 'Faltava o código do prestador no cadastro da clínica; ajustamos com você. Obrigado!' },
  { category: 'erro', module: 'prontuario', subject: 'Lentidão ao abrir prontuário', body: 'O prontuário demora mais de um minuto para abrir.', answer: 'Verifique a conexão de internet; do nosso lado os tempos estão normais. Se persistir, envie o horário exato.' },
  { category: 'erro', module: 'migracao', subject: 'Pacientes duplicados após a migração', body: 'Alguns pacientes aparecem duas vezes depois da migração.', answer: 'Identificamos 12 duplicados (mesmo CPF) e unificamos os cadastros.' },
  { category: 'erro', module: 'financeiro', subject: 'Recibo sai com data errada', body: 'O recibo impresso mostra a data de ontem.', answer: 'Corrigido: o fuso horário da base estava errado.' },
  { category: 'melhoria', module: 'agenda', subject: 'Visualização semanal por sala', body: 'Queremos ver a agenda da semana por sala de atendimento.', answer: 'Obrigado! Pedido de melhoria registrado para avaliação do produto.' },
  { category: 'melhoria', module: 'financeiro', subject: 'Exportar relatório de repasse em Excel', body: 'Seria útil exportar o repasse em planilha.', answer: 'Obrigado! Pedido de melhoria registrado.' },
  { category: 'melhoria', module: 'cadastros', subject: 'Campo de nome social no cadastro do paciente', body: 'Precisamos registrar o nome social.', answer: 'Obrigado! Encaminhado ao produto.' },
  { category: 'tiss', module: 'faturamento', subject: 'Guia negada pela operadora', body: 'A operadora negou a guia de consulta.', answer: '' },
  { category: 'tiss', module: 'faturamento', subject: 'Senha de autorização não retornou', body: 'A senha de autorização não voltou da operadora.', answer: '' },
];
