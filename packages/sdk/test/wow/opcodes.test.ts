import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Opcode, type OpcodeName, formatOpcode, isKnownOpcode, opcodeName } from "@tc9/sdk/wow";

/*
 * Values from the "Opcodes (3.3.5a) used by tc9 flows" and "World socket" sections of
 * /work/shared/reference/wow335-protocol-facts.md (AzerothCore, wow_messages and ToCloud9 agree).
 */
const WELL_KNOWN: readonly (readonly [OpcodeName, number])[] = [
  ["SMSG_AUTH_CHALLENGE", 0x1ec],
  ["CMSG_AUTH_SESSION", 0x1ed],
  ["SMSG_AUTH_RESPONSE", 0x1ee],
  ["SMSG_ADDON_INFO", 0x2ef],
  ["SMSG_CLIENTCACHE_VERSION", 0x4ab],
  ["SMSG_TUTORIAL_FLAGS", 0x0fd],
  ["CMSG_READY_FOR_ACCOUNT_DATA_TIMES", 0x4ff],
  ["SMSG_ACCOUNT_DATA_TIMES", 0x209],
  ["CMSG_REALM_SPLIT", 0x38c],
  ["SMSG_REALM_SPLIT", 0x38b],
  ["SMSG_REDIRECT_CLIENT", 0x50d],
  ["CMSG_CHAR_CREATE", 0x036],
  ["CMSG_CHAR_ENUM", 0x037],
  ["CMSG_CHAR_DELETE", 0x038],
  ["SMSG_CHAR_CREATE", 0x03a],
  ["SMSG_CHAR_ENUM", 0x03b],
  ["SMSG_CHAR_DELETE", 0x03c],
  ["CMSG_PLAYER_LOGIN", 0x03d],
  ["SMSG_CHARACTER_LOGIN_FAILED", 0x041],
  ["SMSG_LOGIN_VERIFY_WORLD", 0x236],
  ["CMSG_CHAR_RENAME", 0x2c7],
  ["CMSG_PLAYER_LOGOUT", 0x04a],
  ["CMSG_LOGOUT_REQUEST", 0x04b],
  ["SMSG_LOGOUT_RESPONSE", 0x04c],
  ["SMSG_LOGOUT_COMPLETE", 0x04d],
  ["CMSG_NAME_QUERY", 0x050],
  ["SMSG_NAME_QUERY_RESPONSE", 0x051],
  ["CMSG_GUILD_QUERY", 0x054],
  ["CMSG_WHO", 0x062],
  ["SMSG_WHO", 0x063],
  ["CMSG_MESSAGECHAT", 0x095],
  ["SMSG_MESSAGECHAT", 0x096],
  ["CMSG_JOIN_CHANNEL", 0x097],
  ["SMSG_CHANNEL_NOTIFY", 0x099],
  ["SMSG_CHAT_PLAYER_NOT_FOUND", 0x2a9],
  ["SMSG_GM_MESSAGECHAT", 0x3b3],
  ["SMSG_MOTD", 0x33d],
  ["SMSG_NOTIFICATION", 0x1cb],
  ["CMSG_GROUP_INVITE", 0x06e],
  ["CMSG_GROUP_ACCEPT", 0x072],
  ["CMSG_GROUP_UNINVITE_GUID", 0x076],
  ["SMSG_GROUP_LIST", 0x07d],
  ["SMSG_PARTY_COMMAND_RESULT", 0x07f],
  ["SMSG_PARTY_MEMBER_STATS_FULL", 0x2f2],
  ["MSG_RAID_READY_CHECK", 0x322],
  ["MSG_RAID_READY_CHECK_CONFIRM", 0x3ae],
  ["MSG_RAID_READY_CHECK_FINISHED", 0x3c6],
  ["CMSG_GUILD_CREATE", 0x081],
  ["SMSG_GUILD_ROSTER", 0x08a],
  ["SMSG_GUILD_EVENT", 0x092],
  ["CMSG_GUILD_INFO_TEXT", 0x2fc],
  ["CMSG_GUILD_BANKER_ACTIVATE", 0x3e6],
  ["SMSG_GUILD_BANK_LIST", 0x3e8],
  ["MSG_GUILD_BANK_LOG_QUERY", 0x3ee],
  ["MSG_GUILD_PERMISSIONS", 0x3fd],
  ["MSG_QUERY_GUILD_BANK_TEXT", 0x40a],
  ["CMSG_SET_GUILD_BANK_TEXT", 0x40b],
  ["CMSG_PETITION_SHOWLIST", 0x1bb],
  ["CMSG_TURN_IN_PETITION", 0x1c4],
  ["SMSG_PETITION_QUERY_RESPONSE", 0x1c7],
  ["CMSG_SEND_MAIL", 0x238],
  ["MSG_QUERY_NEXT_MAIL_TIME", 0x284],
  ["SMSG_RECEIVED_MAIL", 0x285],
  ["CMSG_LFG_JOIN", 0x35c],
  ["SMSG_LFG_PROPOSAL_UPDATE", 0x361],
  ["CMSG_LFD_PARTY_LOCK_INFO_REQUEST", 0x371],
  ["SMSG_LFG_PLAYER_REWARD", 0x1ff],
  ["SMSG_LFG_DISABLED", 0x398],
  ["CMSG_BATTLEFIELD_PORT", 0x2d5],
  ["MSG_PVP_LOG_DATA", 0x2e0],
  ["SMSG_JOINED_BATTLEGROUND_QUEUE", 0x38a],
  ["CMSG_ARENA_TEAM_CREATE", 0x348],
  ["CMSG_BATTLEMASTER_JOIN_ARENA", 0x358],
  ["SMSG_ARENA_ERROR", 0x376],
  ["CMSG_PING", 0x1dc],
  ["SMSG_PONG", 0x1dd],
  ["SMSG_TIME_SYNC_REQ", 0x390],
  ["CMSG_KEEP_ALIVE", 0x407],
  ["SMSG_UPDATE_OBJECT", 0x0a9],
  ["SMSG_COMPRESSED_UPDATE_OBJECT", 0x1f6],
  ["SMSG_WARDEN_DATA", 0x2e6],
  ["SMSG_MULTIPLE_PACKETS", 0x4cd],
];

const entries = Object.entries(Opcode) as [OpcodeName, number][];

describe("3.3.5a opcode table", () => {
  it("matches the well-known values of the protocol facts", () => {
    assert.ok(WELL_KNOWN.length >= 60);
    for (const [name, value] of WELL_KNOWN) {
      assert.equal(Opcode[name], value, name);
      assert.equal(opcodeName(value), name, `opcodeName(0x${value.toString(16)})`);
    }
  });

  it("is complete: every number 0x000..0x51E has exactly one name, plus ToCloud9's 0x51F..0x521", () => {
    const numbers = entries.map(([, value]) => value).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, numbers.length, "no number appears twice");
    assert.deepEqual(numbers, Array.from({ length: 0x522 }, (_, index) => index));
    assert.equal(entries.length, 0x522);
    assert.equal(Opcode.SMSG_MULTIPLE_MOVES, 0x51e);
    assert.equal(Opcode.CMSG_BOOTME, 0x001);
  });

  it("uses only protocol prefixes and unique names", () => {
    const names = entries.map(([name]) => name);
    assert.equal(new Set(names.map((name) => name.toUpperCase())).size, names.length);
    for (const name of names) assert.match(name, /^(CMSG|SMSG|MSG|UMSG|TC9_CMSG|TC9_SMSG)_[A-Z0-9_]+$/, name);
    // Spot checks across the table, against AzerothCore's Opcodes.h.
    assert.equal(Opcode.MSG_MOVE_WORLDPORT_ACK, 0x0dc);
    assert.equal(Opcode.CMSG_MOVE_SET_CAN_TRANSITION_BETWEEN_SWIM_AND_FLY_ACK, 0x340);
    assert.equal(Opcode.SMSG_CHEAT_DUMP_ITEMS_DEBUG_ONLY_RESPONSE_WRITE_FILE, 0x39c);
    assert.equal(Opcode.CMSG_BATTLEFIELD_MANAGER_SET_NEXT_TRANSITION_TIME, 0x4ea);
    assert.equal(Opcode.UMSG_UPDATE_GROUP_INFO, 0x4fe);
  });

  it("carries ToCloud9's cluster opcodes under their gateway names", () => {
    assert.equal(Opcode.TC9_CMSG_PREPARE_FOR_REDIRECT, 0x51f);
    assert.equal(Opcode.TC9_SMSG_READY_FOR_REDIRECT, 0x520);
    assert.equal(Opcode.TC9_SMSG_WORLD_SESSION_READY, 0x521);
  });

  it("looks names up in reverse and formats opcodes for logs", () => {
    assert.equal(opcodeName(0x1ed), "CMSG_AUTH_SESSION");
    assert.equal(opcodeName(0x000), "MSG_NULL_ACTION");
    assert.equal(opcodeName(0x522), undefined);
    assert.equal(opcodeName(-1), undefined);
    assert.equal(opcodeName(1.5), undefined);
    assert.equal(opcodeName(0xffffffff), undefined);
    assert.equal(isKnownOpcode(0x51f), true);
    assert.equal(isKnownOpcode(0x9999), false);
    assert.equal(formatOpcode(Opcode.CMSG_AUTH_SESSION), "CMSG_AUTH_SESSION (0x1ED)");
    assert.equal(formatOpcode(Opcode.CMSG_BOOTME), "CMSG_BOOTME (0x001)");
    assert.equal(formatOpcode(0x9999), "unknown opcode 0x9999");
  });
});
