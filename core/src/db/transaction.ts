import { AsyncLocalStorage } from 'node:async_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, TenantScope } from './types.ts';

/** An open database transaction: its Drizzle handle, a way to send a statement without waiting, and its end. */
export interface TxHandle {
  tx: Db;
  /** Sends a statement now and does not wait for it (postgres.js pipelines it before what follows). */
  send(statement: SQL): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Builds the scope-entry statement; `first` also switches to the request role. */
export type EnterScope = (scope: TenantScope, first: boolean) => SQL;

const sameScope = (a: TenantScope, b: TenantScope): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What the async context knows: the open scoped transaction, and whether we are inside one of its calls. */
interface Ambient {
  owner: ScopedTransaction;
  inside: boolean;
}

const ambient = new AsyncLocalStorage<Ambient>();

/**
 * One transaction that runs as the request role and switches scopes inside itself. A request opens
 * one (lazily, on its first database use) and every read and write of the request — session, actor,
 * plugin gate, the handler's queries, the layout's data — runs in it, each call in a savepoint so a
 * caught error does not poison the rest. A call with another scope enters that scope for the call and
 * re-enters the transaction's scope afterwards. Calls are serialised; nested calls (a helper that
 * opens `db.scoped(…)` inside a call) run in the caller's call instead of opening a second transaction
 * (which on PGlite would wait for this one forever).
 */
export class ScopedTransaction {
  #handle: Promise<TxHandle> | null = null;
  #scope: TenantScope;
  #entered: TenantScope | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #savepoints = 0;
  /** A finished top-level call's savepoint, released together with the next statement (no wait of its own). */
  #release: string | null = null;
  #state: 'open' | 'committed' | 'rolled back' = 'open';
  /** Reads that travel with the next top-level call in the transaction's scope (see `ride`). */
  #rider: { fn: (tx: Db) => Promise<unknown>; done: Promise<void> | null; riding: boolean } | null = null;

  constructor(
    private readonly begin: () => Promise<TxHandle>,
    private readonly enter: EnterScope,
    scope: TenantScope,
  ) {
    this.#scope = scope;
  }

  get begun(): boolean {
    return this.#handle !== null;
  }

  get open(): boolean {
    return this.#state === 'open';
  }

  /** The scope the transaction runs in between calls. */
  get scope(): TenantScope {
    return this.#scope;
  }

  /** The scope entered right now (null before the first call); a statement that reads no tenant row can run in it. */
  get enteredScope(): TenantScope | null {
    return this.#entered;
  }

  /** Changes the transaction's scope; entered lazily, pipelined with the next statement. */
  setScope(scope: TenantScope): void {
    this.#scope = scope;
  }

  /** Runs `fn(tx)` with `scope` (default: the transaction's), inside a savepoint. */
  run<T>(fn: (tx: Db) => Promise<T>, scope: TenantScope = this.#scope): Promise<T> {
    if (this.#state !== 'open') throw new Error('transaction already finished');
    const current = ambient.getStore();
    if (current?.owner === this && current.inside) return this.#call(fn, scope, true);
    const result = this.#queue.then(() => ambient.run({ owner: this, inside: true }, () => this.#call(fn, scope, false)));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Queues reads every page needs (the plugin gate, the bell's count) to travel with the request's
   * next top-level call in the transaction's own scope — usually the handler's first query — so they
   * cost no round trip of their own. `settle()` runs them at once if no such call came.
   */
  ride(fn: (tx: Db) => Promise<unknown>): void {
    this.#rider = { fn, done: null, riding: true };
  }

  /** The queued reads no longer travel with calls; only `settle()` runs them (a route that may not need them). */
  stopRiding(): void {
    if (this.#rider) this.#rider.riding = false;
  }

  /** Waits for the queued reads of `ride`, running them now (as their own call) if they have not run. */
  settle(): Promise<void> {
    const rider = this.#rider;
    if (!rider) return Promise.resolve();
    if (!rider.done) {
      if (this.#state !== 'open') return Promise.resolve();
      rider.done = this.run((tx) => rider.fn(tx)).then(
        () => undefined,
        () => undefined,
      );
    }
    return rider.done;
  }

  async #call<T>(fn: (tx: Db) => Promise<T>, scope: TenantScope, nested: boolean): Promise<T> {
    const handle = await this.#open();
    const outer = this.#entered;
    // The transaction's first call needs no savepoint: when it fails, the whole transaction is rolled
    // back (nothing came before it) and the next call begins a new one.
    const name = outer === null && !nested ? null : `s${++this.#savepoints}`;
    this.#flushRelease(handle);
    if (name) void handle.send(sql.raw(`savepoint ${name}`)).catch(() => undefined);
    if (!outer || !sameScope(outer, scope)) {
      void handle.send(this.enter(scope, outer === null)).catch(() => undefined);
      this.#entered = scope;
    }
    const rider = !nested && this.#rider?.riding && !this.#rider.done && sameScope(scope, this.#scope) ? this.#rider : null;
    try {
      let value: T;
      if (rider) {
        const riding = rider.fn(handle.tx);
        rider.done = riding.then(
          () => undefined,
          () => undefined,
        );
        [value] = await Promise.all([fn(handle.tx), riding]);
      } else {
        value = await fn(handle.tx);
      }
      if (!name) return value;
      // Release keeps the call's settings. A top-level call leaves them (the next call enters what it
      // needs) and its release travels with the next statement; a nested call releases at once and
      // gives the caller its scope back before the caller's next query.
      if (!nested) {
        this.#release = name;
        return value;
      }
      void handle.send(sql.raw(`release savepoint ${name}`)).catch(() => undefined);
      if (outer && !sameScope(outer, this.#entered!)) {
        void handle.send(this.enter(outer, false)).catch(() => undefined);
        this.#entered = outer;
      }
      return value;
    } catch (error) {
      if (!name) {
        // The first call failed: end the transaction; the next call (if any) begins a new one.
        this.#handle = null;
        this.#entered = null;
        this.#release = null;
        await handle.rollback();
        throw error;
      }
      // Rolling back to the savepoint also restores the settings (and role) of before the call.
      await handle.send(sql.raw(`rollback to savepoint ${name}`)).catch(() => undefined);
      this.#entered = outer;
      throw error;
    }
  }

  /**
   * Runs `fn` as the owning role inside this transaction (core's bookkeeping reads, e.g. migration
   * status, during a request on PGlite, whose single connection this transaction holds). The role
   * and scope are restored afterwards.
   */
  asOwner<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const run = async () => {
      const handle = await this.#open();
      const name = `s${++this.#savepoints}`;
      this.#flushRelease(handle);
      void handle.send(sql.raw(`savepoint ${name}`)).catch(() => undefined);
      void handle.send(sql.raw('reset role')).catch(() => undefined);
      try {
        const value = await fn(handle.tx);
        void handle.send(sql.raw(`release savepoint ${name}`)).catch(() => undefined);
        if (this.#entered) void handle.send(this.enter(this.#entered, true)).catch(() => undefined);
        return value;
      } catch (error) {
        await handle.send(sql.raw(`rollback to savepoint ${name}`)).catch(() => undefined);
        throw error;
      }
    };
    const current = ambient.getStore();
    if (current?.owner === this && current.inside) return run();
    const result = this.#queue.then(() => ambient.run({ owner: this, inside: true }, run));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #flushRelease(handle: TxHandle): void {
    if (this.#release === null) return;
    void handle.send(sql.raw(`release savepoint ${this.#release}`)).catch(() => undefined);
    this.#release = null;
  }

  #open(): Promise<TxHandle> {
    this.#handle ??= this.begin();
    return this.#handle;
  }

  /**
   * Commits what was done so far and lets the next call begin a new transaction. Used before a
   * request reads its body (an upload), so a slow client does not hold a connection — or, on PGlite,
   * the whole database — while it sends.
   */
  async checkpoint(): Promise<void> {
    if (this.#state !== 'open' || !this.#handle) return;
    await this.#queue;
    const handle = await this.#handle.catch(() => null);
    this.#handle = null;
    this.#entered = null;
    this.#release = null;
    await handle?.commit();
  }

  /** Commits (or rolls back). */
  async finish(commit: boolean): Promise<void> {
    if (this.#state !== 'open') return;
    await this.#queue;
    const handle = this.#handle;
    this.#state = commit ? 'committed' : 'rolled back';
    // A transaction that failed to begin has nothing to end (its caller already got the error).
    const h = handle ? await handle.catch(() => null) : null;
    this.#release = null;
    if (h) {
      if (commit) await h.commit();
      else await h.rollback();
    }
  }
}

/** Runs `fn` with `transaction` as the ambient one: `db.scoped(…)` calls inside it join it. */
export function withAmbientTransaction<T>(transaction: ScopedTransaction, fn: () => Promise<T>): Promise<T> {
  return ambient.run({ owner: transaction, inside: false }, fn);
}

/** The open transaction of the current async context (a request's), if any. */
export function ambientTransaction(): ScopedTransaction | null {
  const store = ambient.getStore();
  return store && store.owner.open ? store.owner : null;
}

/** Runs `fn` outside any ambient transaction: background work started from a request must not join it. */
export function outsideTransactions<T>(fn: () => T): T {
  return ambient.exit(fn);
}
