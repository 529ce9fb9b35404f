import { describe, expect, it } from 'vitest';
import { validateConquistas } from './validate-conquistas.ts';

const options = { isKnownArticleSlug: () => false };
const file = (titulo: string) =>
  JSON.stringify(
    { conquistas: [{ descricao: 'Conquista', bloqueada: false, notificado: true, tarefas: [{ titulo, efetuada: false, identificador_artigo: 'https://youtu.be/dQw4w9WgXcQ' }] }] },
    null,
    2,
  );

describe('NUL in conquistas values', () => {
  it('refuses "\\u0000" in a text value, located at that value', () => {
    const text = file('Assistir\u0000 o vídeo');
    const result = validateConquistas(text, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error!.key).toBe('text.nul');
    expect(error!.pointer).toBe('/conquistas/0/tarefas/0/titulo');
    expect(error!.line).toBe(text.split('\n').findIndex((l) => l.includes('"titulo"')) + 1);
    expect(error!.message).toMatch(/^O valor de .*caractere nulo/);
  });

  it('accepts the same file without it', () => {
    expect(validateConquistas(file('Assistir o vídeo'), options).ok).toBe(true);
  });
});
