import type { Logger } from 'pino';
import type { EventMap, EventName } from './plugin-events.ts';

export type EventHandler<N extends EventName> = (payload: EventMap[N]) => void | Promise<void>;

interface Subscription {
  event: EventName;
  owner: string;
  handler: (payload: never) => void | Promise<void>;
}

/**
 * In-process, typed event bus (one per app instance): core's events and the ones plugins declare
 * (`<pluginId>:<name>`). Core and plugins call `emit` after the change commits;
 * handlers run one after the other and are awaited, and a failing handler is logged without
 * affecting the emitter or the other handlers. Delivery is best effort: not an outbox.
 */
export class EventBus {
  readonly #subscriptions: Subscription[] = [];

  constructor(private readonly log: Logger) {}

  /** Subscribes `handler` (named after its `owner`, e.g. a plugin id, in logs); returns an unsubscribe. */
  on<N extends EventName>(event: N, owner: string, handler: EventHandler<N>): () => void {
    const subscription: Subscription = { event, owner, handler: handler as Subscription['handler'] };
    this.#subscriptions.push(subscription);
    return () => {
      const at = this.#subscriptions.indexOf(subscription);
      if (at >= 0) this.#subscriptions.splice(at, 1);
    };
  }

  async emit<N extends EventName>(event: N, payload: EventMap[N]): Promise<void> {
    for (const s of this.#subscriptions.filter((x) => x.event === event)) {
      try {
        await (s.handler as EventHandler<N>)(payload);
      } catch (error) {
        this.log.error({ err: error, event, owner: s.owner }, 'event handler failed');
      }
    }
  }

  subscribers(event: EventName): string[] {
    return this.#subscriptions.filter((s) => s.event === event).map((s) => s.owner);
  }
}
