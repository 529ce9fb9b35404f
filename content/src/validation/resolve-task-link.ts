import type { TaskLink } from './types.ts';
import { isYouTubeHost, parseYouTubeVideoId } from './youtube.ts';

/** What an `identificador_artigo` value points to: a YouTube video or a help article shipped in `content/`. */
export type ResolvedLink =
  | { ok: true; link: TaskLink }
  | { ok: false; key: 'link.placeholder' | 'link.invalid'; message: string };

const PLACEHOLDER = 'INSERIR LINK DO YOUTUBE';
const EXAMPLE = 'https://youtu.be/abcDEF12345';

export function resolveTaskLink(value: string, isKnownArticleSlug: (slug: string) => boolean): ResolvedLink {
  const trimmed = value.trim();
  if (trimmed.replace(/\s+/g, ' ').toUpperCase() === PLACEHOLDER) {
    return {
      ok: false,
      key: 'link.placeholder',
      message:
        `Substitua o texto ${PLACEHOLDER} pelo link do vídeo no YouTube (por exemplo, ${EXAMPLE}) ` +
        'ou pelo identificador de um artigo da central de ajuda.',
    };
  }
  const videoId = parseYouTubeVideoId(trimmed);
  if (videoId !== null) return { ok: true, link: { kind: 'youtube', videoId } };
  if (isKnown(isKnownArticleSlug, trimmed)) return { ok: true, link: { kind: 'article', slug: trimmed } };
  return { ok: false, key: 'link.invalid', message: invalidLinkMessage(trimmed) };
}

function isKnown(isKnownArticleSlug: (slug: string) => boolean, slug: string): boolean {
  try {
    return isKnownArticleSlug(slug) === true;
  } catch {
    return false;
  }
}

function invalidLinkMessage(value: string): string {
  const shown = `"${Array.from(value).length > 80 ? `${Array.from(value).slice(0, 80).join('')}…` : value}"`;
  if (isYouTubeHost(value)) {
    return (
      `O link do YouTube ${shown} não leva a um vídeo. Abra o vídeo no YouTube, clique em "Compartilhar" ` +
      `e copie o link (por exemplo, ${EXAMPLE}).`
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/|^www\./i.test(value)) {
    return `O link ${shown} não é de um vídeo do YouTube. Use o link de um vídeo do YouTube ou o identificador de um artigo da central de ajuda.`;
  }
  return (
    `Não existe artigo da central de ajuda com o identificador ${shown}. ` +
    'Use o link de um vídeo do YouTube ou o identificador de um artigo existente.'
  );
}
