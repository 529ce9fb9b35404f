import type { ErrorObject } from 'ajv/dist/2020.js';
import {
  capitalize,
  describeMember,
  describeObject,
  describeValue,
  objectKindAt,
  pointerSegments,
} from './describe-location.ts';
import { escapePointerSegment } from './parse-json.ts';
import type { PointerIssue } from './pointer-issue.ts';
import { ALLOWED_KEYS, validateConquistasSchema } from './schema.ts';
import { suggestKey } from './suggest-key.ts';

/** Every schema violation of `data`, worded in pt-BR. */
export function schemaIssues(data: unknown): PointerIssue[] {
  if (validateConquistasSchema(data)) return [];
  const errors = validateConquistasSchema.errors ?? [];
  const issues = errors.map((error) => toIssue(error, data));
  const suggested = new Set(issues.flatMap((issue) => (issue.suggestion ? [`${issue.objectPointer}\0${issue.suggestion}`] : [])));
  return issues
    .filter((issue) => !(issue.missingKey && suggested.has(`${issue.objectPointer}\0${issue.missingKey}`)))
    .map(({ key, message, pointer, at }) => ({ key, message, pointer, at }));
}

interface DraftIssue extends PointerIssue {
  objectPointer: string;
  /** For unknown keys: the allowed key the uploader probably meant. */
  suggestion?: string;
  /** For required keys: the missing key (dropped when an unknown key already suggests it). */
  missingKey?: string;
}

const FIELD_HINTS: Record<string, string> = {
  conquistas: 'a lista de conquistas',
  descricao: 'o nome da conquista',
  bloqueada: 'true ou false',
  notificado: 'true ou false',
  tarefas: 'a lista de tarefas',
  titulo: 'o título da tarefa',
  efetuada: 'true ou false',
  identificador_artigo: 'o link do vídeo no YouTube ou o identificador do artigo',
};

const EXPECTED_TYPES: Record<string, string> = {
  boolean: 'true ou false, sem aspas',
  string: 'um texto entre aspas duplas (")',
  array: 'uma lista entre colchetes [ ]',
  object: 'um objeto entre chaves { }',
};

function toIssue(error: ErrorObject, data: unknown): DraftIssue {
  const pointer = error.instancePath;
  const subject = capitalize(describeValue(pointer));
  const base = { pointer, objectPointer: pointer, at: 'value' as const };
  const limit = Number(error.params.limit);
  switch (error.keyword) {
    case 'required': {
      const missingKey = String(error.params.missingProperty);
      const hint = FIELD_HINTS[missingKey] ? ` (${FIELD_HINTS[missingKey]})` : '';
      const message = `Falta a chave "${missingKey}"${hint} ${describeObject(pointer)}.`;
      return { ...base, key: 'schema.required', message, missingKey };
    }
    case 'additionalProperties':
      return unknownKeyIssue(pointer, String(error.params.additionalProperty), data);
    case 'type': {
      const expected = EXPECTED_TYPES[String(error.params.type)] ?? String(error.params.type);
      return { ...base, key: 'schema.type', message: `${subject} deve ser ${expected}.` };
    }
    case 'minLength':
      return { ...base, key: 'schema.minLength', message: `${subject} não pode ficar vazio.` };
    case 'maxLength': {
      const length = Array.from(String(valueAt(data, pointer))).length;
      const message = `${subject} tem ${length} caracteres; o máximo é ${limit}.`;
      return { ...base, key: 'schema.maxLength', message };
    }
    case 'minItems':
      return { ...base, key: 'schema.minItems', message: `A lista ${describeMember(pointer)} precisa ter pelo menos ${limit} item.` };
    case 'maxItems': {
      const count = (valueAt(data, pointer) as unknown[]).length;
      const message = `A lista ${describeMember(pointer)} tem ${count} itens; o máximo é ${limit}. Divida em mais de um arquivo.`;
      return { ...base, key: 'schema.maxItems', message };
    }
    case 'pattern': {
      const message =
        `${subject} deve usar só letras minúsculas sem acento, números, "-" e "_", ` +
        'começar com letra ou número e ter até 64 caracteres.';
      return { ...base, key: 'schema.pattern', message };
    }
    default:
      return { ...base, key: 'schema.invalid', message: `${subject} não está no formato esperado.` };
  }
}

function unknownKeyIssue(objectPointer: string, unknownKey: string, data: unknown): DraftIssue {
  const kind = objectKindAt(objectPointer);
  const allowed: readonly string[] = kind ? ALLOWED_KEYS[kind] : [];
  const object = valueAt(data, objectPointer);
  const present = new Set(typeof object === 'object' && object !== null ? Object.keys(object) : []);
  const suggestion = suggestKey(
    unknownKey,
    allowed.filter((key) => !present.has(key)),
  );
  const message = suggestion
    ? `Chave desconhecida "${unknownKey}". Você quis dizer "${suggestion}"?`
    : `Chave desconhecida "${unknownKey}" ${describeObject(objectPointer)}. As chaves aceitas aqui são: ${listKeys(allowed)}.`;
  return {
    key: 'schema.unknownKey',
    message,
    pointer: `${objectPointer}/${escapePointerSegment(unknownKey)}`,
    objectPointer,
    at: 'key',
    suggestion,
  };
}

function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((key) => `"${key}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} e ${quoted.at(-1)}`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointerSegments(pointer)) {
    const isContainer = typeof current === 'object' && current !== null && Object.hasOwn(current, segment);
    current = isContainer ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return current;
}
