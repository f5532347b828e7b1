/**
 * New character GUIDs for the gateway, drawn from the guid module (`GuidService`) a few at a time
 * and handed out from a small local pool, so creations through any number of gateways never collide.
 */
import type { Client } from "@tc9/sdk";
import { GuidType, type GuidService } from "@tc9/sdk/contracts";
import type { GuidRange } from "../guid/index.js";
import { GATEWAY_ERROR_CODES, GatewayError } from "./errors.js";

/** Asks the realm's GUID source for `count` character GUIDs. */
export type DrawCharacterGuids = (count: bigint) => Promise<readonly GuidRange[]>;

/**
 * A local pool of character GUIDs. `next()` hands out the lowest GUID held; when the pool is empty,
 * one draw of `drawSize` GUIDs refills it, however many creations are waiting. GUIDs held when the
 * gateway stops are skipped, never reused (the guid module never hands them out again).
 */
export class CharacterGuidPool {
  readonly #draw: DrawCharacterGuids;
  readonly #drawSize: bigint;
  /** Ranges not handed out yet; the first one's `start` is the next GUID. */
  readonly #held: GuidRange[] = [];
  #drawing: Promise<void> | undefined;

  constructor(draw: DrawCharacterGuids, drawSize: number) {
    this.#draw = draw;
    this.#drawSize = BigInt(drawSize);
  }

  /** GUIDs held and not handed out yet. */
  get held(): bigint {
    return this.#held.reduce((sum, range) => sum + range.end - range.start + 1n, 0n);
  }

  /** The next GUID; fails when a draw fails or answers no GUIDs (the next call draws again). */
  async next(): Promise<bigint> {
    for (;;) {
      const guid = this.#takeHeld();
      if (guid !== undefined) return guid;
      this.#drawing ??= this.#refill().finally(() => {
        this.#drawing = undefined;
      });
      await this.#drawing;
    }
  }

  #takeHeld(): bigint | undefined {
    const first = this.#held[0];
    if (first === undefined) return undefined;
    if (first.start === first.end) this.#held.shift();
    else this.#held[0] = { start: first.start + 1n, end: first.end };
    return first.start;
  }

  async #refill(): Promise<void> {
    const ranges = (await this.#draw(this.#drawSize)).filter((range) => range.start >= 1n && range.end >= range.start);
    if (ranges.length === 0) {
      throw new GatewayError(
        GATEWAY_ERROR_CODES.guids,
        "the guid module answered no character GUIDs; check the guid module's log (its realm may be missing or its GUIDs used up)",
      );
    }
    this.#held.push(...ranges);
  }
}

/** The draw that calls the guid module's `GetGUIDPool` for the realm's character GUIDs. */
export function guidServiceDraw(guids: Client<typeof GuidService>, realmId: number, timeoutMs: number): DrawCharacterGuids {
  return async (count) => {
    const response = await guids.getGUIDPool({ api: "tc9", realmID: realmId, guidType: GuidType.Character, desiredPoolSize: count }, { timeoutMs });
    return response.receiverGUID;
  };
}
