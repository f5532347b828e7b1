import type { KeyValue } from "@tc9/sdk";
import type { Logger } from "pino";

const LEASE_KEY = "leader";
const text = new TextEncoder();

/**
 * Which registry process probes servers and redistributes after removals when several share one
 * KV bucket: the holder of the `leader` key of the lease bucket, whose entries expire `leaseMs`
 * after their last write. The holder rewrites it every third of that; the others try to create it
 * as often, so one of them takes over within `leaseMs` (plus a third) of the holder's death.
 * Stopping deletes the key, so a clean shutdown hands over at the others' next try.
 */
export class RegistryLease {
  readonly #kv: KeyValue;
  readonly #owner: string;
  readonly #leaseMs: number;
  readonly #logger: Logger;
  #revision: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(kv: KeyValue, owner: string, leaseMs: number, logger: Logger) {
    this.#kv = kv;
    this.#owner = owner;
    this.#leaseMs = leaseMs;
    this.#logger = logger;
  }

  /** True while this process holds the lease. */
  get held(): boolean {
    return this.#revision !== undefined;
  }

  /** Tries to take the lease now, then keeps trying (or renewing) every third of `leaseMs`. */
  async start(): Promise<void> {
    await this.#renew();
    this.#schedule();
  }

  /** Stops renewing and gives the lease up. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#tick;
    const revision = this.#revision;
    this.#revision = undefined;
    if (revision !== undefined) await this.#kv.delete(LEASE_KEY, revision).catch(() => false);
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#tick = this.#renew().finally(() => this.#schedule());
    }, Math.max(10, Math.floor(this.#leaseMs / 3)));
  }

  async #renew(): Promise<void> {
    const holding = this.#revision !== undefined;
    try {
      const body = text.encode(this.#owner);
      this.#revision = holding ? await this.#kv.update(LEASE_KEY, body, this.#revision ?? 0) : await this.#kv.create(LEASE_KEY, body);
    } catch (error) {
      // Unreachable KV: the lease runs out on its own; stop acting as the holder now.
      this.#revision = undefined;
      this.#logger.warn({ err: error }, "renewing the registry lease failed");
    }
    if (this.#revision !== undefined && !holding) this.#logger.info({ owner: this.#owner }, "registry lease taken: this process probes servers and redistributes");
    if (this.#revision === undefined && holding) this.#logger.warn({ owner: this.#owner }, "registry lease lost: another registry process probes servers now");
  }
}
