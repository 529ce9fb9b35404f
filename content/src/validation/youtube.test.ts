import { describe, expect, it } from 'vitest';
import { isYouTubeHost, parseYouTubeVideoId, youtubeEmbedUrl } from './youtube.ts';

const ID = 'dQw4w9WgXcQ';

describe('parseYouTubeVideoId', () => {
  it.each([
    `https://www.youtube.com/watch?v=${ID}`,
    `https://youtube.com/watch?v=${ID}`,
    `http://m.youtube.com/watch?v=${ID}`,
    `https://www.youtube.com/watch?v=${ID}&t=30s`,
    `https://www.youtube.com/watch?list=PL123&v=${ID}&index=2`,
    `https://youtu.be/${ID}`,
    `https://youtu.be/${ID}?si=AbC_123-x`,
    `https://youtu.be/${ID}?t=42`,
    `https://www.youtube.com/embed/${ID}`,
    `https://www.youtube.com/embed/${ID}?start=10`,
    `https://www.youtube-nocookie.com/embed/${ID}`,
    `https://youtube-nocookie.com/embed/${ID}`,
    `https://www.youtube.com/shorts/${ID}`,
    `https://youtube.com/shorts/${ID}?feature=share`,
    `https://www.youtube.com/live/${ID}?si=abc`,
    `HTTPS://WWW.YOUTUBE.COM/watch?v=${ID}`,
    `  https://youtu.be/${ID}  `,
    `youtu.be/${ID}`,
    `www.youtube.com/watch?v=${ID}`,
  ])('reads the video id of %s', (url) => {
    expect(parseYouTubeVideoId(url)).toBe(ID);
  });

  it('keeps "-" and "_" in ids', () => {
    expect(parseYouTubeVideoId('https://youtu.be/aqz-KE_bpKQ')).toBe('aqz-KE_bpKQ');
  });

  it.each([
    ['a too short id', 'https://youtu.be/dQw4w9WgXc'],
    ['a too long id', `https://youtu.be/${ID}x`],
    ['an id with invalid characters', 'https://youtu.be/dQw4w9WgX.Q'],
    ['a watch link without v', 'https://www.youtube.com/watch?t=30'],
    ['a channel', 'https://www.youtube.com/@amplimed'],
    ['a playlist', 'https://www.youtube.com/playlist?list=PL123'],
    ['another site', `https://vimeo.com/${ID}`],
    ['a look-alike host', `https://youtube.com.evil.example/watch?v=${ID}`],
    ['a nocookie non-embed path', `https://www.youtube-nocookie.com/watch?v=${ID}`],
    ['an extra path segment', `https://www.youtube.com/embed/${ID}/extra`],
    ['another scheme', `ftp://youtu.be/${ID}`],
    ['javascript', `javascript:alert("${ID}")`],
    ['credentials', `https://user:pass@youtu.be/${ID}`],
    ['a custom port', `https://youtu.be:8443/${ID}`],
    ['the placeholder', 'INSERIR LINK DO YOUTUBE'],
    ['a slug', 'primeiros-passos'],
    ['an empty string', ''],
    ['spaces inside', `https://youtu.be/ ${ID}`],
  ])('refuses %s', (_, url) => {
    expect(parseYouTubeVideoId(url)).toBeNull();
  });
});

describe('youtubeEmbedUrl', () => {
  it('embeds through youtube-nocookie.com', () => {
    expect(youtubeEmbedUrl(ID)).toBe(`https://www.youtube-nocookie.com/embed/${ID}`);
  });

  it('round-trips with parseYouTubeVideoId', () => {
    expect(parseYouTubeVideoId(youtubeEmbedUrl(ID))).toBe(ID);
  });
});

describe('isYouTubeHost', () => {
  it('tells YouTube pages from other sites', () => {
    expect(isYouTubeHost('https://www.youtube.com/@canal')).toBe(true);
    expect(isYouTubeHost('https://vimeo.com/1')).toBe(false);
    expect(isYouTubeHost('primeiros-passos')).toBe(false);
  });
});
