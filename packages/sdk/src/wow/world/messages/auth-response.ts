import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { ResponseCode } from "./response-code.js";
import { failEncode } from "./wire-helpers.js";

/** Expansion byte of SMSG_AUTH_RESPONSE (AzerothCore `Expansions`). */
export const Expansion = {
  CLASSIC: 0,
  THE_BURNING_CRUSADE: 1,
  WRATH_OF_THE_LICH_KING: 2,
} as const;

/** The billing block of SMSG_AUTH_RESPONSE (AzerothCore writes zeros and the account's expansion). */
export interface AuthBilling {
  readonly timeRemaining: number;
  readonly planFlags: number;
  readonly timeRested: number;
  readonly expansion: number;
}

/** The queue block of SMSG_AUTH_RESPONSE, sent only with `AUTH_WAIT_QUEUE`. */
export interface AuthQueue {
  readonly position: number;
  readonly freeCharacterMigration: boolean;
}

/**
 * SMSG_AUTH_RESPONSE in the forms AzerothCore sends:
 * - `AUTH_OK` with billing (11 bytes, `SendAuthResponse(AUTH_OK, true)`),
 * - `AUTH_WAIT_QUEUE` with billing and queue (16 bytes, when queued),
 * - `AUTH_WAIT_QUEUE` with queue only (6 bytes) and bare `AUTH_OK` (1 byte) from
 *   `SendAuthWaitQueue` while the queue moves,
 * - any error code alone (1 byte, `SendAuthResponseError`).
 */
export interface AuthResponse {
  /** A `ResponseCode`. */
  readonly result: number;
  readonly billing?: AuthBilling;
  readonly queue?: AuthQueue;
}

const BILLING_SIZE = 10;
const QUEUE_SIZE = 5;

/** Codec of {@link AuthResponse}. */
export const authResponseCodec: MessageCodec<AuthResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_AUTH_RESPONSE,
  write(writer, message) {
    writer.writeU8(message.result);
    if (message.billing) {
      const { timeRemaining, planFlags, timeRested, expansion } = message.billing;
      writer.writeU32(timeRemaining).writeU8(planFlags).writeU32(timeRested).writeU8(expansion);
    }
    if (message.queue) {
      if (message.result !== ResponseCode.AUTH_WAIT_QUEUE) {
        failEncode(writer, Opcode.SMSG_AUTH_RESPONSE, "a queue block is only sent with AUTH_WAIT_QUEUE");
      }
      writer.writeU32(message.queue.position).writeU8(message.queue.freeCharacterMigration ? 1 : 0);
    }
  },
  read(reader) {
    const result = reader.readU8();
    const queued = result === ResponseCode.AUTH_WAIT_QUEUE;
    const hasBilling = reader.remaining === BILLING_SIZE || (queued && reader.remaining === BILLING_SIZE + QUEUE_SIZE);
    const billing = hasBilling
      ? { timeRemaining: reader.readU32(), planFlags: reader.readU8(), timeRested: reader.readU32(), expansion: reader.readU8() }
      : undefined;
    const queue =
      queued && reader.remaining === QUEUE_SIZE ? { position: reader.readU32(), freeCharacterMigration: reader.readU8() !== 0 } : undefined;
    return { result, ...(billing && { billing }), ...(queue && { queue }) };
  },
});
