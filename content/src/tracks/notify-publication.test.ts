import { describe, expect, it } from 'vitest';
import { publicationNotice } from './notify-publication.ts';

const a = (description: string, notify: boolean) => ({ description, locked: false, notify, tasks: [] });

describe('publicationNotice', () => {
  it('names every conquista marked "notificado" in one notification', () => {
    const notice = publicationNotice('Processos', { achievements: [a('Guias', true), a('Lotes', false), a('Exames', true), a('Glosas', true)] });
    expect(notice?.title).toBe('Novos conteúdos no seu painel de evolução');
    expect(notice?.body).toBe('Processos: “Guias”, “Exames” e “Glosas”. Assista aos vídeos na tela inicial.');
  });

  it('says nothing when no conquista asks to notify', () => {
    expect(publicationNotice('Processos', { achievements: [a('Guias', false)] })).toBeNull();
  });
});
