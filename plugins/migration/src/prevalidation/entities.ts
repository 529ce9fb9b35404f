/**
 * The field catalogue of each entity (seed 000's minimum fields, address and phone split the way legacy
 * exports split them): the field's key, its pt-BR label, the kind of value (which decides the checks),
 * whether a row needs it, the entity it refers to, and the header phrases that name it.
 */

export const ENTITY_KEYS = [
  'convenios',
  'procedimentos',
  'pacientes',
  'agendamentos',
  'prontuarios',
  'documentos_gerados',
  'modelos_documentos',
  'modelos_prescricao',
  'imagens_documentos',
] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

export const isEntityKey = (value: string): value is EntityKey => (ENTITY_KEYS as readonly string[]).includes(value);

export type FieldKind =
  | 'codigo'
  | 'nome'
  | 'texto'
  | 'data'
  | 'data_hora'
  | 'hora'
  | 'sexo'
  | 'cpf'
  | 'email'
  | 'telefone'
  | 'referencia'
  | 'profissional'
  | 'situacao';

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** For kind 'referencia': the entity whose codes (or names) the value must be found in. */
  refers?: EntityKey;
  /** Header phrases naming the field, in words (see mapping.ts for abbreviations and folding). */
  names: string[];
  /** Words that may accompany a name without changing the meaning ("Telefone residencial"). */
  qualifiers?: string[];
  /** Identifies the row (a second row with the same value is `duplicado`). */
  unique?: boolean;
}

export interface EntityDef {
  key: EntityKey;
  label: string;
  /** Words that name the entity itself: in its own file, "Nome do paciente" is just the name. */
  selfWords: string[];
  /** File-name words that name it (folded), longest phrases first when matching. */
  fileWords: string[];
  fields: FieldDef[];
}

const codigo = (selfName: string): FieldDef => ({
  key: 'codigo',
  label: 'Código',
  kind: 'codigo',
  unique: true,
  names: ['codigo', 'id', 'codigo legado', 'codigo sistema', `codigo ${selfName}`, 'registro', 'matricula'],
});
const nome = (extra: string[] = [], required = true): FieldDef => ({
  key: 'nome',
  label: 'Nome',
  kind: 'nome',
  required,
  names: ['nome', 'descricao', 'nome completo', 'razao social', 'nome fantasia', ...extra],
  qualifiers: ['completo'],
});
const paciente: FieldDef = {
  key: 'paciente',
  label: 'Paciente',
  kind: 'referencia',
  refers: 'pacientes',
  required: true,
  names: ['paciente', 'codigo paciente', 'nome paciente', 'id paciente', 'prontuario paciente', 'cliente', 'codigo cliente'],
};
const profissional: FieldDef = {
  key: 'profissional',
  label: 'Profissional',
  kind: 'profissional',
  names: ['profissional', 'medico', 'doutor', 'nome profissional', 'nome medico', 'codigo profissional', 'codigo medico', 'responsavel', 'prestador', 'dentista', 'terapeuta'],
};
const convenioRef: FieldDef = {
  key: 'convenio',
  label: 'Convênio',
  kind: 'referencia',
  refers: 'convenios',
  names: ['convenio', 'codigo convenio', 'nome convenio', 'plano', 'plano saude', 'operadora', 'id convenio'],
};
const data = (required = true): FieldDef => ({
  key: 'data',
  label: 'Data',
  kind: 'data',
  required,
  names: ['data', 'data atendimento', 'data registro', 'data cadastro', 'data emissao', 'data documento', 'data evolucao', 'data consulta', 'data inclusao'],
});
const texto = (names: string[], required = false): FieldDef => ({ key: 'texto', label: 'Texto', kind: 'texto', required, names: ['texto', 'conteudo', 'descricao', 'observacao', ...names] });

export const ENTITIES: Record<EntityKey, EntityDef> = {
  convenios: {
    key: 'convenios',
    label: 'Convênios',
    selfWords: ['convenio', 'convenios', 'plano', 'operadora'],
    fileWords: ['convenios', 'convenio', 'planos', 'operadoras'],
    fields: [{ ...codigo('convenio'), required: true }, nome(['convenio', 'plano', 'operadora'])],
  },
  procedimentos: {
    key: 'procedimentos',
    label: 'Procedimentos',
    selfWords: ['procedimento', 'procedimentos', 'servico', 'exame'],
    fileWords: ['procedimentos', 'procedimento', 'servicos', 'tabela procedimentos'],
    fields: [{ ...codigo('procedimento'), required: true, names: [...codigo('procedimento').names, 'codigo tuss', 'tuss'] }, nome(['procedimento', 'servico'])],
  },
  pacientes: {
    key: 'pacientes',
    label: 'Pacientes',
    selfWords: ['paciente', 'pacientes', 'cliente'],
    fileWords: ['pacientes', 'paciente', 'clientes'],
    fields: [
      { ...codigo('paciente'), names: [...codigo('paciente').names, 'prontuario', 'numero prontuario'] },
      nome(['paciente', 'cliente']),
      { key: 'data_nascimento', label: 'Data de nascimento', kind: 'data', names: ['data nascimento', 'nascimento', 'dn', 'aniversario'] },
      { key: 'sexo', label: 'Sexo', kind: 'sexo', names: ['sexo', 'genero'] },
      { key: 'rg', label: 'RG', kind: 'texto', names: ['rg', 'identidade', 'registro geral', 'carteira identidade'], qualifiers: ['numero', 'orgao'] },
      { key: 'cpf', label: 'CPF', kind: 'cpf', unique: true, names: ['cpf', 'cpf cnpj', 'documento cpf', 'cic'], qualifiers: ['numero'] },
      { key: 'endereco', label: 'Endereço', kind: 'texto', names: ['endereco', 'logradouro', 'rua', 'endereco completo', 'endereco residencial'] },
      { key: 'numero_endereco', label: 'Número', kind: 'texto', names: ['numero', 'numero endereco', 'numero residencia', 'numero casa', 'numero logradouro'] },
      { key: 'complemento', label: 'Complemento', kind: 'texto', names: ['complemento'] },
      { key: 'bairro', label: 'Bairro', kind: 'texto', names: ['bairro'] },
      { key: 'cidade', label: 'Cidade', kind: 'texto', names: ['cidade', 'municipio'] },
      { key: 'uf', label: 'UF', kind: 'texto', names: ['uf', 'estado'] },
      { key: 'cep', label: 'CEP', kind: 'texto', names: ['cep'] },
      { key: 'telefone', label: 'Telefone', kind: 'telefone', names: ['telefone', 'telefone fixo', 'telefone residencial', 'telefone comercial', 'telefone contato'], qualifiers: ['fixo', 'residencial', 'comercial', 'contato', 'principal', 'res', 'com'] },
      { key: 'celular', label: 'Celular', kind: 'telefone', names: ['celular', 'telefone celular', 'movel', 'telefone movel', 'whatsapp', 'celular whatsapp'], qualifiers: ['whatsapp', 'principal', 'contato'] },
      { key: 'email', label: 'E-mail', kind: 'email', names: ['email', 'endereco email', 'correio eletronico'], qualifiers: ['principal', 'contato'] },
      { ...convenioRef },
    ],
  },
  agendamentos: {
    key: 'agendamentos',
    label: 'Agendamentos',
    selfWords: ['agendamento', 'agendamentos', 'agenda', 'consulta', 'marcacao'],
    fileWords: ['agendamentos', 'agendamento', 'agenda', 'agendas', 'consultas', 'marcacoes'],
    fields: [
      { ...codigo('agendamento'), names: [...codigo('agendamento').names, 'codigo agenda', 'codigo consulta'] },
      { key: 'data_hora', label: 'Data e hora', kind: 'data_hora', required: true, names: ['data hora', 'data', 'data agendamento', 'data consulta', 'data horario', 'inicio', 'data inicio', 'data hora inicio', 'data marcacao'] },
      { key: 'hora', label: 'Hora', kind: 'hora', names: ['hora', 'horario', 'hora inicio', 'hora agendamento', 'hora consulta'] },
      paciente,
      profissional,
      convenioRef,
      { key: 'procedimento', label: 'Procedimento', kind: 'referencia', refers: 'procedimentos', names: ['procedimento', 'codigo procedimento', 'nome procedimento', 'servico', 'codigo servico', 'exame', 'codigo tuss'] },
      { key: 'situacao', label: 'Situação', kind: 'situacao', names: ['situacao', 'status', 'estado', 'situacao agendamento', 'status agendamento'] },
    ],
  },
  prontuarios: {
    key: 'prontuarios',
    label: 'Prontuários',
    selfWords: ['prontuario', 'prontuarios', 'evolucao', 'atendimento'],
    fileWords: ['prontuarios', 'prontuario', 'evolucoes', 'evolucao', 'atendimentos'],
    fields: [data(), paciente, profissional, texto(['evolucao', 'anamnese', 'historico', 'prontuario', 'dados prontuario', 'texto prontuario', 'registro clinico'])],
  },
  documentos_gerados: {
    key: 'documentos_gerados',
    label: 'Documentos gerados',
    selfWords: ['documento', 'documentos'],
    fileWords: ['documentos gerados', 'documentos emitidos', 'atestados', 'receitas', 'documentos'],
    fields: [
      data(),
      { key: 'tipo', label: 'Tipo do documento', kind: 'nome', names: ['tipo', 'tipo documento', 'categoria', 'modelo'] },
      paciente,
      profissional,
      texto(['texto documento', 'corpo']),
    ],
  },
  modelos_documentos: {
    key: 'modelos_documentos',
    label: 'Modelos de documentos',
    selfWords: ['modelo', 'modelos', 'documento'],
    fileWords: ['modelos documentos', 'modelos documento', 'modelo documento', 'modelos'],
    fields: [nome(['titulo', 'modelo', 'nome modelo']), texto(['texto modelo', 'corpo'], true)],
  },
  modelos_prescricao: {
    key: 'modelos_prescricao',
    label: 'Modelos de prescrição',
    selfWords: ['modelo', 'modelos', 'prescricao'],
    fileWords: ['modelos prescricao', 'modelos prescricoes', 'modelo prescricao', 'prescricoes', 'prescricao'],
    fields: [
      { key: 'medicacao', label: 'Medicação', kind: 'nome', required: true, names: ['medicacao', 'medicamento', 'nome medicacao', 'nome medicamento', 'remedio', 'nome', 'titulo'] },
      texto(['prescricao', 'posologia', 'texto prescricao', 'texto formatado'], true),
    ],
  },
  imagens_documentos: {
    key: 'imagens_documentos',
    label: 'Imagens e documentos',
    selfWords: ['imagem', 'imagens', 'anexo', 'arquivo'],
    fileWords: ['imagens documentos', 'imagens', 'anexos', 'arquivos'],
    fields: [
      data(false),
      paciente,
      { key: 'arquivo', label: 'Arquivo', kind: 'texto', required: true, names: ['arquivo', 'nome arquivo', 'caminho', 'caminho arquivo', 'path', 'imagem', 'anexo', 'documento'] },
    ],
  },
};
