/** Recognises YouTube video links and turns them into the 11-character video id. */

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);
const NOCOOKIE_HOSTS = new Set(['youtube-nocookie.com', 'www.youtube-nocookie.com']);
const SHORT_HOSTS = new Set(['youtu.be', 'www.youtu.be']);
/** Path prefixes of youtube.com that carry the id as the next path segment. */
const ID_PATH_PREFIXES = new Set(['embed', 'shorts', 'live']);

/**
 * Video id of a YouTube link (watch, youtu.be, embed, youtube-nocookie embed, shorts, live;
 * http or https, scheme optional; extra parameters such as `t`, `si` or `list` ignored), else `null`.
 */
export function parseYouTubeVideoId(url: string): string | null {
  const parsed = parseUrl(url.trim());
  if (parsed === null) return null;
  const host = parsed.hostname.toLowerCase();
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');

  let candidate: string | null | undefined = null;
  if (SHORT_HOSTS.has(host) && segments.length === 1) {
    candidate = segments[0];
  } else if (NOCOOKIE_HOSTS.has(host) && segments.length === 2 && segments[0] === 'embed') {
    candidate = segments[1];
  } else if (YOUTUBE_HOSTS.has(host)) {
    if (segments.length === 1 && segments[0] === 'watch') candidate = parsed.searchParams.get('v');
    else if (segments.length === 2 && ID_PATH_PREFIXES.has(segments[0] ?? '')) candidate = segments[1];
  }
  return candidate && VIDEO_ID.test(candidate) ? candidate : null;
}

/** Privacy-enhanced embed address used by the video panel. */
export function youtubeEmbedUrl(id: string): string {
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`;
}

/** Whether `url` is a link to some YouTube page (used to word error messages). */
export function isYouTubeHost(url: string): boolean {
  const host = parseUrl(url.trim())?.hostname.toLowerCase() ?? '';
  return YOUTUBE_HOSTS.has(host) || NOCOOKIE_HOSTS.has(host) || SHORT_HOSTS.has(host);
}

function parseUrl(text: string): URL | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  if (/\s/.test(text) || !URL.canParse(withScheme)) return null;
  const url = new URL(withScheme);
  const isPlainWebAddress =
    (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.port === '';
  return isPlainWebAddress ? url : null;
}
