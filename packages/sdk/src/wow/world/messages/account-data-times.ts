import { ProtocolError } from "../../codec/protocol-error.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/** Account data types (AzerothCore `AccountDataType`): one bit each in a mask. */
export const ACCOUNT_DATA_TYPE_COUNT = 8;

/** The account-data masks AzerothCore sends (`GLOBAL_CACHE_MASK`, `PER_CHARACTER_CACHE_MASK`). */
export const AccountDataMask = {
  /** Types 0, 2 and 4: config, bindings and macros stored per account. */
  GLOBAL: 0x15,
  /** Types 1, 3, 5, 6 and 7: stored per character; sent at login. */
  PER_CHARACTER: 0xea,
} as const;

/**
 * SMSG_ACCOUNT_DATA_TIMES (3.3.5a), as `WorldSession::SendAccountDataTimes` writes it:
 * `u32 server time | u8 1 | u32 mask | u32 time per set bit of the mask's low 8 bits`.
 */
export interface AccountDataTimes {
  /** Unix seconds. */
  readonly serverTime: number;
  /** Which account data types follow. */
  readonly mask: number;
  /** Unix seconds of the last change of each type in the mask, lowest bit first (0 = never). */
  readonly times: readonly number[];
}

function typesIn(mask: number): number {
  let count = 0;
  for (let type = 0; type < ACCOUNT_DATA_TYPE_COUNT; type++) if ((mask & (1 << type)) !== 0) count++;
  return count;
}

/** Codec of {@link AccountDataTimes}; the constant byte after the server time is written as 1 and not checked. */
export const accountDataTimesCodec: MessageCodec<AccountDataTimes> = defineMessageCodec({
  opcode: Opcode.SMSG_ACCOUNT_DATA_TIMES,
  write(writer, message) {
    const expected = typesIn(message.mask);
    if (message.times.length !== expected) {
      throw new ProtocolError({
        reason: `mask 0x${message.mask.toString(16)} announces ${expected} times, got ${message.times.length}`,
        offset: writer.length,
        opcode: Opcode.SMSG_ACCOUNT_DATA_TIMES,
        kind: "encode",
      });
    }
    writer.writeU32(message.serverTime).writeU8(1).writeU32(message.mask);
    for (const time of message.times) writer.writeU32(time);
  },
  read(reader) {
    const serverTime = reader.readU32();
    reader.skip(1);
    const mask = reader.readU32();
    const times: number[] = [];
    for (let index = typesIn(mask); index > 0; index--) times.push(reader.readU32());
    return { serverTime, mask, times };
  },
});
