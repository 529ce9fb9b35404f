/** The error and warning kinds of the report, with their pt-BR labels. */

export const ERROR_KINDS = [
  'campo_obrigatorio_ausente',
  'cpf_invalido',
  'data_invalida',
  'sexo_invalido',
  'email_invalido',
  'telefone_invalido',
  'duplicado',
  'referencia_inexistente',
  'valor_invalido',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const ERROR_LABELS: Record<ErrorKind, string> = {
  campo_obrigatorio_ausente: 'Campo obrigatório ausente',
  cpf_invalido: 'CPF inválido',
  data_invalida: 'Data inválida',
  sexo_invalido: 'Sexo inválido',
  email_invalido: 'E-mail inválido',
  telefone_invalido: 'Telefone inválido',
  duplicado: 'Registro duplicado',
  referencia_inexistente: 'Referência inexistente',
  valor_invalido: 'Valor inválido',
};

export const WARNING_KINDS = ['cpf_em_branco', 'campo_opcional_vazio', 'situacao_desconhecida'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_LABELS: Record<WarningKind, string> = {
  cpf_em_branco: 'CPF em branco',
  campo_opcional_vazio: 'Campo opcional vazio',
  situacao_desconhecida: 'Situação de agendamento desconhecida',
};
