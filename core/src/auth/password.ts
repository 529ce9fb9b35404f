import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config/env.ts';

export interface PasswordHashParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id with OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane. */
export const standardPasswordParams: PasswordHashParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The smallest argon2id allows (8 KiB, 1 pass): for the test suite only, never for real accounts. */
export const testPasswordParams: PasswordHashParams = { memoryCost: 8, timeCost: 1, parallelism: 1 };

/** Which settings decide the cost: `PASSWORD_HASH_COST` counts only together with `NODE_ENV=test`. */
export type PasswordCostSource = Pick<Config, 'env' | 'passwordHashCost'>;

/** The standard parameters unless the config is a test config that asked for cheap hashing. */
export function passwordHashParams(source?: PasswordCostSource): PasswordHashParams {
  return source?.env === 'test' && source.passwordHashCost === 'test' ? testPasswordParams : standardPasswordParams;
}

/**
 * argon2id hash (PHC string: the parameters travel inside it, so verification needs no config).
 * Pass the app's config so a test run may hash cheaply; without it the standard cost applies.
 */
export function hashPassword(password: string, source?: PasswordCostSource): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */, ...passwordHashParams(source) });
}

/** Verifies with the parameters read from the stored hash itself. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash verified when the e-mail is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;
export function verifyDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy-password-never-matches');
  return decoyHash.then((h) => verifyPassword(h, `${password}\u0000`)).then(() => false);
}

export const passwordRules = { minLength: 8, maxLength: 200 } as const;
