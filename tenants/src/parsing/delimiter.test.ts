import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter.ts';

describe('detectDelimiter', () => {
  it.each([
    ['nome;cidade;uf\nA, B;C;SP', ';', 0],
    ['nome,cidade,uf\nA;B,C,SP', ',', 0],
    ['"Nome, da clínica";cidade\n', ';', 0],
    ['"Nome; da clínica",cidade\n', ',', 0],
    ['nome\nClínica A, Filial', ';', 0],
    ['nome;cidade,uf\n', ';', 0],
    ['\n\nnome,cidade\n', ',', 0],
    ['\r\nnome,cidade\r\n', ',', 0],
    ['sep=,\nnome;cidade\n', ',', 1],
    ['SEP=;\r\nnome,cidade\r\n', ';', 1],
    ['sep=|\nnome,cidade\n', ',', 1],
    ['', ';', 0],
  ])('%j → %s (skip %d)', (text, delimiter, skipLines) => {
    expect(detectDelimiter(text)).toEqual({ delimiter, skipLines });
  });
});
