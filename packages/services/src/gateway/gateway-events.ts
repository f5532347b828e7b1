import {
  gatewayCharacterLoggedIn,
  gatewayCharacterLoggedOut,
  gatewayCharactersUpdates,
  type Bus,
  type EventDef,
  type EventPayload,
  type Logger,
} from "@tc9/sdk";

/** One character's changed fields in `gw.char.chars-updates` (Go `CharacterUpdate`). */
export type CharacterUpdate = EventPayload<typeof gatewayCharactersUpdates>["Updates"][number];
/** The fields of an update besides the character and the time. */
export type CharacterChanges = Omit<CharacterUpdate, "ID" | "EventTimeUnixNano">;

/** A character as the login event describes it. */
export type LoggedInCharacter = Omit<EventPayload<typeof gatewayCharacterLoggedIn>, "RealmID" | "GatewayID" | "EventTimeUnixNano">;
/** A character as the logout event describes it. */
export type LoggedOutCharacter = Omit<EventPayload<typeof gatewayCharacterLoggedOut>, "RealmID" | "GatewayID" | "EventTimeUnixNano">;

/**
 * The gateway's events (ToCloud9 `GatewayProducer`): `gw.char.logged-in` and `gw.char.logged-out`
 * at once, and `gw.char.chars-updates` batched per character and published every
 * `intervalMs` (ToCloud9's `CharactersUpdatesBarrier`). Event times come from one clock that never
 * repeats or goes back, so consumers ordering by time never see a logout before its login.
 * Publishing failures are logged; a session never fails because the bus is down.
 */
export class GatewayEvents {
  readonly #bus: Bus;
  readonly #realmId: number;
  readonly #logger: Logger;
  readonly #pending = new Map<bigint, CharacterUpdate>();
  readonly #timer: NodeJS.Timeout;
  #gatewayId = "";
  #lastTime = 0n;

  constructor(bus: Bus, realmId: number, intervalMs: number, logger: Logger) {
    this.#bus = bus;
    this.#realmId = realmId;
    this.#logger = logger;
    this.#timer = setInterval(() => void this.flush(), intervalMs);
    this.#timer.unref();
  }

  /** The id the registry gave this gateway; events carry it. */
  setGatewayId(id: string): void {
    this.#gatewayId = id;
  }

  loggedIn(character: LoggedInCharacter): void {
    void this.#publish(gatewayCharacterLoggedIn, { RealmID: this.#realmId, GatewayID: this.#gatewayId, EventTimeUnixNano: this.#now(), ...character });
  }

  loggedOut(character: LoggedOutCharacter): void {
    this.#pending.delete(character.CharGUID);
    void this.#publish(gatewayCharacterLoggedOut, { RealmID: this.#realmId, GatewayID: this.#gatewayId, EventTimeUnixNano: this.#now(), ...character });
  }

  /** Merges changed fields of a character into the next batch. */
  changed(guid: bigint, changes: CharacterChanges): void {
    const earlier = this.#pending.get(guid);
    this.#pending.set(guid, { ...earlier, ...changes, ID: guid, EventTimeUnixNano: this.#now() });
  }

  /** Publishes the pending batch, if any. */
  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const updates = [...this.#pending.values()];
    this.#pending.clear();
    await this.#publish(gatewayCharactersUpdates, {
      RealmID: this.#realmId,
      GatewayID: this.#gatewayId,
      EventTimeUnixNano: this.#now(),
      Updates: updates,
    });
  }

  /** Stops the batch timer after publishing what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  /** Unix nanoseconds, strictly increasing across calls. */
  #now(): bigint {
    const wall = BigInt(Date.now()) * 1_000_000n;
    this.#lastTime = wall > this.#lastTime ? wall : this.#lastTime + 1n;
    return this.#lastTime;
  }

  #publish<P>(event: EventDef<P>, payload: P): Promise<void> {
    return this.#bus.publish(event, payload).catch((error: unknown) => {
      this.#logger.warn({ subject: event.subject.template, err: error }, "publishing a gateway event failed");
    });
  }
}
