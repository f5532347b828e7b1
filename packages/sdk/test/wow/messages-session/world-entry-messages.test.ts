import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  AccountDataMask,
  accountDataTimesCodec,
  loginSetTimeSpeedCodec,
  MOVEMENT_OPCODES,
  movementCodec,
  moveTeleportAckClientCodec,
  moveTeleportAckServerCodec,
  moveWorldportAckCodec,
  NORMAL_GAME_SPEED,
  packGameTime,
  prepareForRedirectCodec,
  readyForRedirectCodec,
  RedirectStatus,
  textEmoteCodec,
  textEmoteRequestCodec,
  unpackGameTime,
  type MovementInfo,
} from "../../../src/wow/world/messages/world-entry-index.js";
import {
  BASE_MOVEMENT_SPEEDS,
  livingMovementBlock,
  MovementFlag,
  MovementFlag2,
  ObjectTypeId,
  smsgUpdateObjectCodec,
  UpdateFlag,
} from "../../../src/wow/world/update-object/index.js";
import { assertFuzz, assertRoundTrip, assertVector, hex } from "./codec-check.js";

const f = Math.fround;

// gtker/wow_messages @ e1c9e15a, msg_move_heartbeat.wowm test block (1.12), with the u16 flags2 that
// AzerothCore's 3.3.5 `ReadMovementInfo` reads after the flags inserted by hand.
const HEARTBEAT = hex(`
  01 05
  01000000 0000 46317a01
  19c70bc6 fe6ee0c2 1af5a542 03512440
  85030000`);
const HEARTBEAT_INFO: MovementInfo = {
  flags: 0x1,
  flags2: 0,
  time: 24785222,
  position: { x: f(-8945.774), y: f(-112.21678), z: f(82.978714) },
  orientation: f(2.5674446),
  fallTime: 901,
};

const EVERY_PART: MovementInfo = {
  flags: MovementFlag.ON_TRANSPORT | MovementFlag.SWIMMING | MovementFlag.FALLING | MovementFlag.SPLINE_ELEVATION,
  flags2: MovementFlag2.INTERPOLATED_MOVEMENT,
  time: 1000,
  position: { x: f(1.5), y: f(-2.25), z: f(3) },
  orientation: f(0.5),
  transport: { guid: 0x1fc0000000000123n, position: { x: f(0.5), y: 0, z: f(-1) }, orientation: f(3), time: 77, seat: -1, time2: 78 },
  pitch: f(-0.25),
  fallTime: 12,
  jump: { zSpeed: f(-7.5), sinAngle: f(0.5), cosAngle: f(0.75), xySpeed: f(7) },
  splineElevation: f(1.25),
};

describe("movement messages (AzerothCore layout)", () => {
  it("reads and writes MSG_MOVE_HEARTBEAT: packed mover GUID, then the movement info", () => {
    assertVector(movementCodec(Opcode.MSG_MOVE_HEARTBEAT), HEARTBEAT, { guid: 5n, info: HEARTBEAT_INFO });
  });

  it("carries every optional part when its flag announces it", () => {
    const bytes = assertRoundTrip(movementCodec(Opcode.MSG_MOVE_STOP), { guid: 42n, info: EVERY_PART });
    // guid 2, base and fall time 30, transport 30 (5-byte packed GUID), pitch 4, jump 16, elevation 4
    assert.equal(bytes.length, 2 + 30 + 30 + 4 + 16 + 4);
  });

  it("refuses to write parts the flags do not announce, or to leave announced ones out", () => {
    const codec = movementCodec(Opcode.MSG_MOVE_HEARTBEAT);
    assert.throws(() => codec.encode({ guid: 1n, info: { ...HEARTBEAT_INFO, pitch: 1 } }), (e) => e instanceof ProtocolError && e.kind === "encode");
    assert.throws(
      () => codec.encode({ guid: 1n, info: { ...HEARTBEAT_INFO, flags: MovementFlag.FALLING } }),
      (e) => e instanceof ProtocolError && /jump/.test(e.message),
    );
  });

  it("lists the 27 opcodes AzerothCore handles with HandleMovementOpcodes", () => {
    assert.equal(MOVEMENT_OPCODES.length, 27);
    assert.ok(MOVEMENT_OPCODES.includes(Opcode.MSG_MOVE_HEARTBEAT) && MOVEMENT_OPCODES.includes(Opcode.MSG_MOVE_START_DESCEND));
    assert.ok(!MOVEMENT_OPCODES.includes(Opcode.MSG_MOVE_TELEPORT_ACK) && !MOVEMENT_OPCODES.includes(Opcode.MSG_MOVE_WORLDPORT_ACK));
  });

  it("reads and writes both forms of MSG_MOVE_TELEPORT_ACK (hand-written from Player::SendTeleportAckPacket / HandleMoveTeleportAck)", () => {
    const server = hex(`01 05 07000000 01000000 0000 46317a01 19c70bc6 fe6ee0c2 1af5a542 03512440 85030000`);
    assertVector(moveTeleportAckServerCodec, server, { guid: 5n, counter: 7, info: HEARTBEAT_INFO });
    // AzerothCore reads a packed GUID here; wow_messages' 3.3.5 client form says a full u64.
    assertVector(moveTeleportAckClientCodec, hex("03 2a 01 07000000 e8030000"), { guid: 0x12an, counter: 7, time: 1000 });
    assertVector(moveWorldportAckCodec, new Uint8Array(0), {});
  });

  it("fails only with ProtocolError on mutated movement payloads", () => {
    assertFuzz(movementCodec(Opcode.MSG_MOVE_HEARTBEAT), movementCodec(Opcode.MSG_MOVE_HEARTBEAT).encode({ guid: 9n, info: EVERY_PART }));
    assertFuzz(moveTeleportAckServerCodec, moveTeleportAckServerCodec.encode({ guid: 9n, counter: 1, info: EVERY_PART }));
    assertFuzz(moveTeleportAckClientCodec, hex("03 2a 01 07000000 e8030000"));
  });
});

describe("login packets after SMSG_LOGIN_VERIFY_WORLD", () => {
  it("writes SMSG_ACCOUNT_DATA_TIMES as WorldSession::SendAccountDataTimes does (one time per mask bit)", () => {
    const payload = hex("00e1f505 01 ea000000 01000000 02000000 03000000 04000000 05000000");
    assertVector(accountDataTimesCodec, payload, { serverTime: 100_000_000, mask: AccountDataMask.PER_CHARACTER, times: [1, 2, 3, 4, 5] });
    assert.throws(() => accountDataTimesCodec.encode({ serverTime: 0, mask: AccountDataMask.GLOBAL, times: [1] }), /announces 3 times/);
    assertFuzz(accountDataTimesCodec, payload);
  });

  it("packs the game time like ByteBuffer::AppendPackedTime and writes SMSG_LOGIN_SETTIMESPEED", () => {
    const saturday = new Date(2024, 5, 15, 13, 45); // 15 June 2024, a Saturday, 13:45 local time
    const packed = packGameTime(saturday);
    assert.equal(packed, ((24 << 24) | (5 << 20) | (14 << 14) | (6 << 11) | (13 << 6) | 45) >>> 0);
    assert.deepEqual(unpackGameTime(packed), { year: 24, month: 5, day: 14, weekday: 6, hour: 13, minute: 45 });
    const message = { gameTime: packed, speed: f(NORMAL_GAME_SPEED), holidayOffset: 0 };
    const bytes = assertRoundTrip(loginSetTimeSpeedCodec, message);
    assert.equal(Buffer.from(bytes).readFloatLE(4), f(0.01666667));
    assertFuzz(loginSetTimeSpeedCodec, bytes);
  });
});

describe("text emotes", () => {
  it("reads CMSG_TEXT_EMOTE (u32 emote, u32 variant, u64 target)", () => {
    assertVector(textEmoteRequestCodec, hex("65000000 ffffffff 0500000000000000"), { textEmote: 101, emoteNum: 0xffffffff, target: 5n });
  });

  it("writes SMSG_TEXT_EMOTE as EmoteChatBuilder does: the name length without its NUL, a lone NUL without a target", () => {
    const withTarget = hex("0700000000000000 65000000 00000000 03000000 426f6200");
    assertVector(textEmoteCodec, withTarget, { guid: 7n, textEmote: 101, emoteNum: 0, targetName: "Bob" });
    assertVector(textEmoteCodec, hex("0700000000000000 65000000 00000000 00000000 00"), { guid: 7n, textEmote: 101, emoteNum: 0, targetName: "" });
    assert.equal(textEmoteCodec.decode(hex("0700000000000000 65000000 00000000 01000000 00")).targetName, "");
    assert.throws(() => textEmoteCodec.encode({ guid: 7n, textEmote: 1, emoteNum: 0, targetName: "X" }), /one-byte/);
    assertFuzz(textEmoteCodec, withTarget);
  });
});

describe("ToCloud9 redirect opcodes", () => {
  it("has an empty TC9_CMSG_PREPARE_FOR_REDIRECT and a one-byte TC9_SMSG_READY_FOR_REDIRECT", () => {
    assertVector(prepareForRedirectCodec, new Uint8Array(0), {});
    assertVector(readyForRedirectCodec, hex("00"), { status: RedirectStatus.READY });
    assertVector(readyForRedirectCodec, hex("01"), { status: RedirectStatus.FAILED });
    assert.throws(() => readyForRedirectCodec.decode(new Uint8Array(0)), ProtocolError);
  });
});

describe("living movement block of a create update", () => {
  it("is stepped over exactly by the update-object decoder", () => {
    const movement = livingMovementBlock(UpdateFlag.LIVING | UpdateFlag.STATIONARY_POSITION | UpdateFlag.SELF, HEARTBEAT_INFO);
    assert.equal(movement.raw.length, 2 + 30 + 9 * 4);
    const values = { maskBlockCount: 1, fields: new Map([[0, 5], [2, 0x19]]) };
    const message = { blocks: [{ kind: "create-object2" as const, guid: 5n, objectType: ObjectTypeId.PLAYER, movement, values }] };
    const decoded = smsgUpdateObjectCodec.decode(smsgUpdateObjectCodec.encode(message));
    assert.deepEqual(decoded, message);
    assert.equal(Buffer.from(movement.raw).readFloatLE(2 + 30 + 4), BASE_MOVEMENT_SPEEDS.run);
  });

  it("refuses update flags that would need data it does not write", () => {
    assert.throws(() => livingMovementBlock(UpdateFlag.SELF, HEARTBEAT_INFO), RangeError);
    assert.throws(() => livingMovementBlock(UpdateFlag.LIVING | UpdateFlag.HAS_TARGET, HEARTBEAT_INFO), RangeError);
  });
});
