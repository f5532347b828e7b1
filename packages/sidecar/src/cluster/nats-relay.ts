import type { Bus, Subscription } from "@tc9/sdk";
import type { Logger } from "pino";
import type { BridgeServer } from "../bridge/bridge-server.js";

/**
 * `TC9NatsPublish` / `TC9NatsSubscribe` for worldserver modules: raw NATS messages relayed
 * between the bus and the library. Subscriptions belong to one library connection; the library
 * re-sends them after reconnecting, so {@link NatsRelay.reset} drops the old ones first.
 */
export class NatsRelay {
  readonly #bus: Bus;
  readonly #bridge: () => BridgeServer | undefined;
  readonly #logger: Logger;
  readonly #subscriptions = new Map<number, Promise<Subscription | undefined>>();

  constructor(bus: Bus, bridge: () => BridgeServer | undefined, logger: Logger) {
    this.#bus = bus;
    this.#bridge = bridge;
    this.#logger = logger;
  }

  /** Publishes a message from the worldserver. */
  async publish(subject: string, payload: Uint8Array): Promise<void> {
    await this.#bus.publishRaw(subject, payload);
  }

  /** Subscribes library subscription `id` to `subject`; messages go back tagged with the id. */
  async subscribe(id: number, subject: string): Promise<void> {
    const previous = this.#subscriptions.get(id);
    const next = this.#bus
      .subscribeRaw(subject, (body, delivered) => {
        if (!this.#bridge()?.natsMessage(id, delivered, body)) this.#logger.debug({ subject: delivered }, "NATS message dropped: no worldserver connected");
      })
      .catch((error: unknown) => {
        this.#logger.error({ err: error, subject }, "could not subscribe for the worldserver");
        return undefined;
      });
    this.#subscriptions.set(id, next);
    await (await previous)?.unsubscribe();
    await next;
  }

  /** Drops every subscription (the library connection they belonged to is gone). */
  async reset(): Promise<void> {
    const all = [...this.#subscriptions.values()];
    this.#subscriptions.clear();
    await Promise.all(all.map(async (pending) => (await pending)?.unsubscribe()));
  }
}
