import { describe, expect, it } from 'vitest';
import { describeMember, describeObject, describeValue, objectKindAt, pointerSegments } from './describe-location.ts';

describe('describe-location', () => {
  it('unescapes pointer segments', () => {
    expect(pointerSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerSegments('')).toEqual([]);
  });

  it('recognises the objects of the format', () => {
    expect(objectKindAt('')).toBe('root');
    expect(objectKindAt('/conquistas/0')).toBe('conquista');
    expect(objectKindAt('/conquistas/2/tarefas/10')).toBe('tarefa');
    expect(objectKindAt('/conquistas')).toBeUndefined();
    expect(objectKindAt('/conquistas/x')).toBeUndefined();
    expect(objectKindAt('/conquistas/0/tarefas/0/titulo')).toBeUndefined();
  });

  it('counts from 1 for people', () => {
    expect(describeObject('/conquistas/0/tarefas/1')).toBe('na tarefa 2 da conquista 1');
    expect(describeObject('')).toBe('no arquivo');
    expect(describeMember('/conquistas/2/descricao')).toBe('"descricao" na conquista 3');
    expect(describeMember('/conquistas')).toBe('"conquistas"');
  });

  it('names values as sentence subjects', () => {
    expect(describeValue('')).toBe('o conteúdo do arquivo');
    expect(describeValue('/conquistas/0/tarefas/0/titulo')).toBe('o valor de "titulo" na tarefa 1 da conquista 1');
    expect(describeValue('/conquistas/0/tarefas/4')).toBe('a tarefa 5 da conquista 1');
  });
});
