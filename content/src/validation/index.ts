export { DEFAULT_MAX_BYTES } from './decode-input.ts';
export { normalizeFragment, type NormalizedText } from './normalize-fragment.ts';
export { ALLOWED_KEYS, conquistasFileSchema, TASK_ID_PATTERN } from './schema.ts';
export { normalizeTitle } from './task-identity.ts';
export type {
  Notice,
  ParsedAchievement,
  ParsedTask,
  ParsedTrack,
  TaskLink,
  ValidateConquistasOptions,
  ValidationIssue,
  ValidationResult,
} from './types.ts';
export { validateConquistas } from './validate-conquistas.ts';
export { parseYouTubeVideoId, youtubeEmbedUrl } from './youtube.ts';
