/**
 * The actors of the authorization matrix (authorization-matrix.test.ts) and the vocabulary its tables
 * use: one expected outcome per actor for every registered route.
 */
export const actors = [
  'anon', // not signed in
  'platform', // platform admin (vendor staff), no base chosen
  'team', // the vendor's migration team
  'support', // support agent outside any base (no grant in use)
  'supportIn', // support agent inside base A (1001) through the demo grant
  'supportB', // the same agent, its session pointing at base B (1002), where it has no grant
  'resellerA', // admin of Singular Demo, which owns A
  'resellerB', // admin of Singular Vizinha (another singular)
  'gestorA', // gestor of A
  'gestorB', // gestor of B (another base of the same singular)
  'medico', // médico in A and in B, working in A
  'staffA', // secretária in A
] as const;
export type ActorName = (typeof actors)[number];

/**
 * `ok`: the route answers (2xx, a form's 4xx validation answer, or a redirect inside the app);
 * `login`: sent to the login page; 403 / 404; `ehr`: the 403 page that explains the prontuário is
 * closed to this access.
 */
export type Outcome = 'ok' | 'login' | 403 | 404 | 'ehr';

/** What the tables' paths and forms may refer to: objects of base A / Singular Demo, per actor where a route changes them. */
export interface Fixture {
  /** Clinic users of base A, one per destructive route, separate for each actor so no row depends on another. */
  target: Record<'view' | 'add' | 'role' | 'remove' | 'off' | 'on' | 'reissue', number>;
  /** A live invitation link's token (public route). */
  token: string;
  /** Singular Demo's content track with a published version 1 and a draft version 2. */
  trackId: number;
  /** A booking request of Singular Demo ("Agendar um horário"). */
  booking: { resellerId: number; id: number };
  /** A pending support-access request of base A. */
  accessRequestId: number;
  /** Support plugin: a ticket of base A in the vendor's queue, one of its attachments, a board card of Singular Demo. */
  ticketId: number;
  attachmentId: number;
  cardId: number;
  /** Migration plugin: the open request of base A, a legacy system of the catalogue. */
  requestId: number;
  systemId: number;
  /** The demo's attachment in that request's thread and its backup file. */
  migrationAttachmentId: number;
  migrationBackupId: number;
  /** Two checked files of that request with stored error CSVs: pacientes, and prontuários (EHR). */
  migrationFileId: number;
  migrationEhrFileId: number;
  /** A job of base A enqueued by its gestor. */
  jobId: string;
  /** The handle ("Minhas sessões") of another session of the gestor of A. */
  gestorSessionHandle: string;
  /** The demo support grant of base A. */
  grantId: number;
  resellerA: number;
}

export interface Row {
  path: (f: Fixture) => string;
  /** POST body (urlencoded); empty or invalid, so an allowed write answers its validation error and changes nothing. */
  form?: Record<string, string | string[]> | ((f: Fixture) => Record<string, string | string[]>);
  expect: Record<ActorName, Outcome>;
}

/** Signed-in actors get `others` unless overridden; anonymous is sent to the login page unless `anon` says otherwise. */
export function outcomes(others: Outcome, overrides: Partial<Record<ActorName, Outcome>> = {}, anon: Outcome = 'login'): Record<ActorName, Outcome> {
  return Object.fromEntries(actors.map((a) => [a, a === 'anon' ? (overrides.anon ?? anon) : (overrides[a] ?? others)])) as Record<ActorName, Outcome>;
}

/** Everyone signed in. */
export const signedIn = outcomes('ok');
/** The platform only. */
export const platformOnly = outcomes(403, { platform: 'ok' });
/** Actors with a clinical role in the base they work in: the only ones an `ehr` route may answer. */
export const clinicalActors: readonly ActorName[] = ['medico'];
