import type { WorldSession } from "./world-session.js";

/** The sessions whose player is in the world, by character GUID (AzerothCore's `ObjectAccessor`). */
export class WorldPlayers {
  readonly #byGuid = new Map<bigint, WorldSession>();

  add(guid: bigint, session: WorldSession): void {
    this.#byGuid.set(guid, session);
  }

  remove(guid: bigint, session: WorldSession): void {
    if (this.#byGuid.get(guid) === session) this.#byGuid.delete(guid);
  }

  byGuid(guid: bigint): WorldSession | undefined {
    return this.#byGuid.get(guid);
  }

  /** Every in-world session whose player is on `map` (the simulator's "in range"). */
  onMap(map: number): WorldSession[] {
    return [...this.#byGuid.values()].filter((session) => session.player?.map === map);
  }

  /** Every in-world session, including those whose link closed and whose save is still queued. */
  all(): WorldSession[] {
    return [...this.#byGuid.values()];
  }

  get size(): number {
    return this.#byGuid.size;
  }
}
