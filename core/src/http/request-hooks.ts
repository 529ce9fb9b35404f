import type { Context } from 'hono';
import type { Db } from '../db/types.ts';
import type { Actor } from '../policy/actor.ts';
import type { AppEnv } from './env.ts';
import type { RouteMeta } from './route-meta.ts';

/**
 * Runs in the route guard once the route's metadata is known, before the policy decision. Returning a
 * Response ends the request with it (e.g. "the support grant you were using has ended").
 */
export type RequestGate = (c: Context<AppEnv>, route: RouteMeta) => Promise<Response | undefined>;

/** What an observer learns about a finished request (error pages included). */
export interface ObservedRequest {
  actor: Actor;
  /** The matched route's metadata; undefined when no declared route answered (404, CSRF refusal…). */
  route: RouteMeta | undefined;
  method: string;
  path: string;
  status: number;
}

/** Called after every request, once the response (or error page) exists. Failures are logged, not shown. */
export type RequestObserver = (c: Context<AppEnv>, request: ObservedRequest) => Promise<void>;

/**
 * Reads a request needs anyway (the bell's count, the plugin gate), run together in ONE call of the
 * request's transaction as soon as the actor is known: their statements travel in one round trip.
 * Each keeps its result for the request (e.g. in a WeakMap keyed by the context) and must still
 * work, by querying, when it was not prefetched.
 */
export type RequestPrefetch = (c: Context<AppEnv>, tx: Db) => Promise<void>;

/** Modules' per-request extension points: gates before the policy guard, observers after the response. */
export class RequestHooks {
  readonly gates: RequestGate[] = [];
  readonly observers: RequestObserver[] = [];
  readonly prefetchers: RequestPrefetch[] = [];

  addPrefetch(prefetch: RequestPrefetch): void {
    this.prefetchers.push(prefetch);
  }

  addGate(gate: RequestGate): void {
    this.gates.push(gate);
  }
  addObserver(observer: RequestObserver): void {
    this.observers.push(observer);
  }
}
