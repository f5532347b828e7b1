import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type EmptyMessage, type MessageCodec } from "../message-codec.js";
import { failEncode } from "./wire-helpers.js";

/*
 * The small messages around the character screen that a world server answers itself: the client
 * cache version and tutorial flags sent right after authentication, the realm split query and
 * the request for account data times. Layouts: AzerothCore `WorldSession::SendClientCacheVersion`,
 * `SendTutorialsData`, `HandleRealmSplitOpcode`, `HandleReadyForAccountDataTimes`; gtker/wow_messages
 * `smsg_realm_split.wowm`, `smsg_tutorial_flags.wowm`, `smsg_clientcache_version.wowm`.
 */

/** SMSG_CLIENTCACHE_VERSION: the version of the client's WDB cache; a different one makes the client clear it. */
export interface ClientCacheVersion {
  readonly version: number;
}

/** Codec of {@link ClientCacheVersion}. */
export const clientCacheVersionCodec: MessageCodec<ClientCacheVersion> = defineMessageCodec({
  opcode: Opcode.SMSG_CLIENTCACHE_VERSION,
  write: (writer, message) => void writer.writeU32(message.version),
  read: (reader) => ({ version: reader.readU32() }),
});

/** SMSG_TUTORIAL_FLAGS carries this many u32 words: one bit per tutorial the account has seen. */
export const TUTORIAL_FLAG_WORDS = 8;

/** SMSG_TUTORIAL_FLAGS: the tutorials already shown, as {@link TUTORIAL_FLAG_WORDS} bit words. */
export interface TutorialFlags {
  readonly words: readonly number[];
}

/** Codec of {@link TutorialFlags}; encoding refuses any other number of words. */
export const tutorialFlagsCodec: MessageCodec<TutorialFlags> = defineMessageCodec({
  opcode: Opcode.SMSG_TUTORIAL_FLAGS,
  write(writer, message) {
    if (message.words.length !== TUTORIAL_FLAG_WORDS) {
      failEncode(writer, Opcode.SMSG_TUTORIAL_FLAGS, `${message.words.length} words given, the packet has ${TUTORIAL_FLAG_WORDS}`);
    }
    for (const word of message.words) writer.writeU32(word);
  },
  read(reader) {
    const words: number[] = [];
    for (let index = 0; index < TUTORIAL_FLAG_WORDS; index++) words.push(reader.readU32());
    return { words };
  },
});

/** Every tutorial marked as seen (what ToCloud9's gateway sends). */
export const ALL_TUTORIALS_SEEN: TutorialFlags = { words: new Array<number>(TUTORIAL_FLAG_WORDS).fill(0xffffffff) };

/** CMSG_REALM_SPLIT: a value the server echoes (wow_messages calls it the realm id). */
export interface RealmSplitRequest {
  readonly realmId: number;
}

/** Codec of {@link RealmSplitRequest}. */
export const realmSplitRequestCodec: MessageCodec<RealmSplitRequest> = defineMessageCodec({
  opcode: Opcode.CMSG_REALM_SPLIT,
  write: (writer, message) => void writer.writeU32(message.realmId),
  read: (reader) => ({ realmId: reader.readU32() }),
});

/** The state field of SMSG_REALM_SPLIT (wow_messages `RealmSplitState`). */
export const RealmSplitState = {
  NORMAL: 0,
  SPLIT: 1,
  SPLIT_PENDING: 2,
} as const;

/** SMSG_REALM_SPLIT: `u32 realm id (echoed) | u32 state | date\0`; AzerothCore always answers NORMAL, "01/01/01". */
export interface RealmSplit {
  readonly realmId: number;
  /** A {@link RealmSplitState}. */
  readonly state: number;
  readonly splitDate: string;
}

/** Codec of {@link RealmSplit}. */
export const realmSplitCodec: MessageCodec<RealmSplit> = defineMessageCodec({
  opcode: Opcode.SMSG_REALM_SPLIT,
  write: (writer, message) => void writer.writeU32(message.realmId).writeU32(message.state).writeCString(message.splitDate),
  read: (reader) => ({ realmId: reader.readU32(), state: reader.readU32(), splitDate: reader.readCString({ maxLength: 64 }) }),
});

/** CMSG_READY_FOR_ACCOUNT_DATA_TIMES: empty; answered with SMSG_ACCOUNT_DATA_TIMES for the global mask. */
export const readyForAccountDataTimesCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.CMSG_READY_FOR_ACCOUNT_DATA_TIMES);
