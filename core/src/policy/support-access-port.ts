import type { Db } from '../db/types.ts';

/**
 * What the rest of the app (and plugins) may ask about support-access grants, without importing the
 * module that implements them (tenants/src/support-access installs it in its setup). Both methods run
 * inside the caller's transaction `tx`.
 */
export interface SupportAccessPort {
  /** The grant letting support into this base right now, if any (read from the database). */
  activeGrant(tx: Db, input: { resellerId: number; clinicId: number }): Promise<{ id: number; endsAt: Date } | null>;
  /** A support agent asks the base's gestores for access (they get a notification). */
  requestAccess(
    tx: Db,
    input: { agentUserId: number; agentName: string; agentEmail: string; resellerId: number; clinicId: number; reason: string },
  ): Promise<{ requestId: number }>;
  /** Where an agent enters a base with an active grant (a page with the "Entrar na base" button). */
  enterPath(input: { resellerId: number; clinicId: number }): string;
  /**
   * Puts a vendor employee's access to the base's data outside a support grant (e.g. the migration team
   * downloading a backup as the data processor) in the base's access history, which its gestor reads
   * and exports. Inside the caller's `tx`; the caller writes its own audit entry.
   */
  recordAccess?(tx: Db, input: DataAccessRecord): Promise<void>;
}

/** One access to a base's data by a vendor employee, for the base's access history. */
export interface DataAccessRecord {
  resellerId: number;
  clinicId: number;
  user: { id: number; name: string; email: string };
  method: string;
  path: string;
  /** pt-BR name of what was accessed ("Download do backup da migração"). */
  screen: string;
  dataClass: string;
  status: number;
}

export interface SupportAccessSlot {
  port: SupportAccessPort | null;
}
