/** One problem found in an uploaded conquistas file, located in the ORIGINAL text. */
export interface ValidationIssue {
  /** Stable message key, e.g. `json.syntax`, `schema.unknownKey`, `link.placeholder`. */
  key: string;
  /** pt-BR message written for a non-technical person. */
  message: string;
  /** 1-based line in the uploaded text (BOM not counted). */
  line: number;
  /** 1-based column, counted in Unicode characters (code points). */
  column: number;
  /** The offending source line, shortened when very long. */
  snippet: string;
  /** JSON pointer of the offending key/value; `''` when unknown or the whole document. */
  pointer: string;
}

/** Something the validator fixed by itself and wants the uploader to know about. */
export interface Notice {
  key: string;
  message: string;
  line?: number;
  column?: number;
}

export type TaskLink = { kind: 'youtube'; videoId: string } | { kind: 'article'; slug: string };

export interface ParsedTask {
  /** Task identity: `id` when given, else `normalizeTitle(titulo)`. Unique within its achievement. */
  key: string;
  title: string;
  doneByDefault: boolean;
  link: TaskLink;
}

export interface ParsedAchievement {
  description: string;
  locked: boolean;
  notify: boolean;
  tasks: ParsedTask[];
}

export interface ParsedTrack {
  achievements: ParsedAchievement[];
}

export interface ValidateConquistasOptions {
  /** Largest accepted upload in bytes. Default: 256 KiB. */
  maxBytes?: number;
  /** Whether a help-article slug shipped in `content/` exists. */
  isKnownArticleSlug: (slug: string) => boolean;
}

export type ValidationResult =
  | { ok: true; track: ParsedTrack; notices: Notice[] }
  | { ok: false; errors: ValidationIssue[]; notices: Notice[] };
