import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";

/*
 * Raid ready checks (3.3.5a), as AzerothCore `HandleRaidReadyCheckOpcode`,
 * `HandleRaidReadyCheckFinishedOpcode` and `Group::OfflineReadyCheck` use them:
 *  - the leader sends an empty MSG_RAID_READY_CHECK; the server broadcasts it with the leader's GUID;
 *  - each member answers with MSG_RAID_READY_CHECK carrying one state byte; the server relays the
 *    answer to leader and assistants as MSG_RAID_READY_CHECK_CONFIRM (`u64 guid | u8 state`);
 *  - the leader ends it with an empty MSG_RAID_READY_CHECK_FINISHED, broadcast as is.
 */

/** MSG_RAID_READY_CHECK from the client: a start request (no state) or an answer. */
export interface MsgRaidReadyCheckClient {
  /** The answer (1 ready, 0 not ready); absent when the leader starts the check. */
  readonly state?: number;
}

/** MSG_RAID_READY_CHECK (client): empty to start, `u8 state` to answer. */
export const msgRaidReadyCheckClientCodec: MessageCodec<MsgRaidReadyCheckClient> = defineMessageCodec({
  opcode: Opcode.MSG_RAID_READY_CHECK,
  write(writer, message) {
    if (message.state !== undefined) writer.writeU8(message.state);
  },
  read(reader) {
    return reader.remaining === 0 ? {} : { state: reader.readU8() };
  },
});

/** MSG_RAID_READY_CHECK from the server: a check has started. */
export interface MsgRaidReadyCheckServer {
  /** Who started it. */
  readonly initiatorGuid: bigint;
}

/** MSG_RAID_READY_CHECK (server): `u64 initiator`. (wowm adds a state byte; AzerothCore does not.) */
export const msgRaidReadyCheckServerCodec: MessageCodec<MsgRaidReadyCheckServer> = defineMessageCodec({
  opcode: Opcode.MSG_RAID_READY_CHECK,
  write(writer, message) {
    writer.writeU64(message.initiatorGuid);
  },
  read(reader) {
    return { initiatorGuid: reader.readU64() };
  },
});

/** MSG_RAID_READY_CHECK_CONFIRM from the server: one member's answer. */
export interface MsgRaidReadyCheckConfirmServer {
  readonly guid: bigint;
  /** 1 ready, 0 not ready (also sent for offline members). */
  readonly state: number;
}

/** MSG_RAID_READY_CHECK_CONFIRM (server): `u64 guid | u8 state`. */
export const msgRaidReadyCheckConfirmServerCodec: MessageCodec<MsgRaidReadyCheckConfirmServer> = defineMessageCodec({
  opcode: Opcode.MSG_RAID_READY_CHECK_CONFIRM,
  write(writer, message) {
    writer.writeU64(message.guid).writeU8(message.state);
  },
  read(reader) {
    return { guid: reader.readU64(), state: reader.readU8() };
  },
});

/** MSG_RAID_READY_CHECK_CONFIRM from the client (wowm; AzerothCore has no handler for it). */
export interface MsgRaidReadyCheckConfirmClient {
  readonly state?: number;
}

/** MSG_RAID_READY_CHECK_CONFIRM (client): empty or `u8 state`, as wowm defines it. */
export const msgRaidReadyCheckConfirmClientCodec: MessageCodec<MsgRaidReadyCheckConfirmClient> = defineMessageCodec({
  opcode: Opcode.MSG_RAID_READY_CHECK_CONFIRM,
  write(writer, message) {
    if (message.state !== undefined) writer.writeU8(message.state);
  },
  read(reader) {
    return reader.remaining === 0 ? {} : { state: reader.readU8() };
  },
});

/** MSG_RAID_READY_CHECK_FINISHED: empty in both directions. */
export const msgRaidReadyCheckFinishedCodec = emptyMessageCodec(Opcode.MSG_RAID_READY_CHECK_FINISHED);
