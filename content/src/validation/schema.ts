import Ajv2020 from 'ajv/dist/2020.js';

/** JSON Schema (draft 2020-12) of the "conquistas" file singulares upload (seed 001, §5.3.1). */

export const TASK_ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const flag = { type: 'boolean' } as const;

const tarefaSchema = {
  type: 'object',
  properties: {
    titulo: text(200),
    efetuada: flag,
    identificador_artigo: text(500),
    id: { type: 'string', pattern: TASK_ID_PATTERN },
  },
  required: ['titulo', 'efetuada', 'identificador_artigo'],
  additionalProperties: false,
} as const;

const conquistaSchema = {
  type: 'object',
  properties: {
    descricao: text(200),
    bloqueada: flag,
    notificado: flag,
    tarefas: { type: 'array', minItems: 1, maxItems: 50, items: tarefaSchema },
  },
  required: ['descricao', 'bloqueada', 'notificado', 'tarefas'],
  additionalProperties: false,
} as const;

export const conquistasFileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://painel-singular.local/schemas/conquistas.json',
  title: 'Arquivo de conquistas',
  type: 'object',
  properties: {
    conquistas: { type: 'array', minItems: 1, maxItems: 50, items: conquistaSchema },
  },
  required: ['conquistas'],
  additionalProperties: false,
} as const;

/** Keys allowed in each kind of object, in the order they are documented. */
export const ALLOWED_KEYS = {
  root: Object.keys(conquistasFileSchema.properties),
  conquista: Object.keys(conquistaSchema.properties),
  tarefa: Object.keys(tarefaSchema.properties),
} as const;

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** Compiled once at module load. */
export const validateConquistasSchema = ajv.compile(conquistasFileSchema);
