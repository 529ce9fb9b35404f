import { describe, expect, it } from 'vitest';
import { ALLOWED_KEYS, conquistasFileSchema, validateConquistasSchema } from './schema.ts';

const task = { titulo: 'Tarefa', efetuada: false, identificador_artigo: 'https://youtu.be/dQw4w9WgXcQ' };
const achievement = { descricao: 'Conquista', bloqueada: false, notificado: true, tarefas: [task] };

describe('conquistas schema', () => {
  it('is a draft 2020-12 schema', () => {
    expect(conquistasFileSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the seed format, with or without task ids', () => {
    expect(validateConquistasSchema({ conquistas: [achievement] })).toBe(true);
    expect(validateConquistasSchema({ conquistas: [{ ...achievement, tarefas: [{ ...task, id: 'a-1_b' }] }] })).toBe(true);
  });

  it('reports all errors at once', () => {
    const broken = { conquistas: [{ ...achievement, bloqueada: 'não', tarefas: [{ ...task, titlo: 'x', efetuada: 1 }] }] };
    expect(validateConquistasSchema(broken)).toBe(false);
    expect(validateConquistasSchema.errors?.map((error) => error.keyword).sort()).toEqual([
      'additionalProperties',
      'type',
      'type',
    ]);
  });

  it.each([
    ['no conquistas', { conquistas: [] }],
    ['51 conquistas', { conquistas: Array.from({ length: 51 }, () => achievement) }],
    ['no tarefas', { conquistas: [{ ...achievement, tarefas: [] }] }],
    ['51 tarefas', { conquistas: [{ ...achievement, tarefas: Array.from({ length: 51 }, () => task) }] }],
    ['an empty descricao', { conquistas: [{ ...achievement, descricao: '' }] }],
    ['a 201-character titulo', { conquistas: [{ ...achievement, tarefas: [{ ...task, titulo: 'a'.repeat(201) }] }] }],
    ['a 501-character link', { conquistas: [{ ...achievement, tarefas: [{ ...task, identificador_artigo: 'a'.repeat(501) }] }] }],
    ['an id with capitals', { conquistas: [{ ...achievement, tarefas: [{ ...task, id: 'Lote' }] }] }],
    ['a 65-character id', { conquistas: [{ ...achievement, tarefas: [{ ...task, id: 'a'.repeat(65) }] }] }],
    ['an unknown root key', { conquistas: [achievement], versao: 2 }],
  ])('refuses %s', (_, data) => {
    expect(validateConquistasSchema(data)).toBe(false);
  });

  it('counts lengths in characters: 200 accented letters fit', () => {
    expect(validateConquistasSchema({ conquistas: [{ ...achievement, descricao: 'ç'.repeat(200) }] })).toBe(true);
    expect(validateConquistasSchema({ conquistas: [{ ...achievement, descricao: '😀'.repeat(200) }] })).toBe(true);
  });

  it('lists the allowed keys of each level', () => {
    expect(ALLOWED_KEYS).toEqual({
      root: ['conquistas'],
      conquista: ['descricao', 'bloqueada', 'notificado', 'tarefas'],
      tarefa: ['titulo', 'efetuada', 'identificador_artigo', 'id'],
    });
  });
});
