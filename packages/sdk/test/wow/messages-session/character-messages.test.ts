import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  CHAR_ENUM_EQUIPMENT_SLOTS,
  charCreateRequestCodec,
  charCreateResultCodec,
  charDeleteRequestCodec,
  charDeleteResultCodec,
  charEnumCodec,
  charEnumRequestCodec,
  characterLoginFailedCodec,
  loginVerifyWorldCodec,
  logoutCancelAckCodec,
  logoutCancelCodec,
  logoutCompleteCodec,
  logoutRequestCodec,
  LogoutResult,
  logoutResponseCodec,
  newWorldCodec,
  pingCodec,
  playerLoginCodec,
  pongCodec,
  ResponseCode,
  timeSyncRequestCodec,
  timeSyncResponseCodec,
  transferPendingCodec,
  type CharacterEnumEntry,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertRoundTrip, assertVector, clientPayload, hex, latin1, serverPayload, toHex } from "./codec-check.js";

// Real captures: metal0/wlink @ 181f6d0d59a899c06ad8286bc8feca6011f501e5
// tests/world/packets/test_world_packets.py (an AzerothCore server and a 3.3.5a client).
const CHAR_ENUM_THREE_CAPTURE = hex(`
  03423B0003CC72330000000007537465616B6F000607000A04000106011100000001000000AA83B8C477C605C5ABC3BA42000000
  700000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000000004A2700
  00040000000000000000000000000000000000000000000042270000070000000000000000000000000000000000000000000000
  00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
  004A14000015000000002A4900000E00000000000000000000000000000000000000000000000000000000000000000000000000
  00000000000000000000000000000000000000000087EA4A000000000753646764666A676B6A000B0501010507060101C40D0000
  120200003D9A77C5CDAC59C6E13AC942000000700000000200000000000000000000000000000000000000000000000000000000
  00000000000000000000000000000000A609000004000000002A8D00001400000000000000000000000000BC0C00000700000000
  00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
  00000000000000000000000000000000000000006248000011000000000000000000000000000000000000000000000000000000
  00000000000000000000000000000000000000000000000000000000000000000000000000000000C2E14E0000000007526F676D
  6F6F000404010504030507097906000001000000D2211846F0672745E598A4440000007000000002000000000000000000000000
  0000000000000000000000000000000000000000000000000000000000000000B22600000400000000000000000000000000E320
  00000600000000374200000700000000BB26000008000000000000000000000000008F1E00000A00000000000000000000000000
  000000000000000000000000000000000000000000000000000000000000000000000000FA500000110000000000000000000000
  0000FB9C000019000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
  0000000000`);
// The capture holds one byte more than its header declares (the start of the next packet); cut it off.
const CHAR_ENUM_THREE = serverPayload(CHAR_ENUM_THREE_CAPTURE.subarray(0, CHAR_ENUM_THREE_CAPTURE.length - 1), Opcode.SMSG_CHAR_ENUM);
const CHAR_ENUM_ACT = serverPayload(
  hex(`
  01143B00010100000000000000416374000109010202080902506A020000010000006B65B7457FB382C544B7CE44010000000000
  00020000000000000000000000000000000000209E00000100000000000000000000000000EC9E00000300000000A81E00000400
  000000229E000014000000000000000000000000007601000007000000001256000008000000000000000000000000001F9E0000
  0A000000000000000000000000000000000000000000000000000000000000000000000000000000007BF0000010000000000000
  00000000000000000000000000000000000000000000000000000000000000000000B82C00001200000000000000000000000000
  000000000000000000000000000000000000`),
  Opcode.SMSG_CHAR_ENUM,
);

describe("character screen", () => {
  it("decodes and re-encodes two captured SMSG_CHAR_ENUM packets", () => {
    const three = charEnumCodec.decode(CHAR_ENUM_THREE);
    assert.deepEqual(
      three.characters.map((character) => [character.guid, character.name, character.race, character.classId, character.level, character.zone, character.map]),
      [
        [0x7000000003372ccn, "Steako", 6, 7, 1, 17, 1],
        [0x7000000004aea87n, "Sdgdfjgkj", 11, 5, 1, 3524, 530],
        [0x7000000004ee1c2n, "Rogmoo", 4, 4, 9, 1657, 1],
      ],
    );
    assert.deepEqual(three.characters[1]?.position, { x: -3961.639892578125, y: -13931.2001953125, z: 100.61499786376953 });
    assert.equal(three.characters[0]?.equipment.length, CHAR_ENUM_EQUIPMENT_SLOTS);
    assert.equal(toHex(charEnumCodec.encode(three)), toHex(CHAR_ENUM_THREE));

    const act = charEnumCodec.decode(CHAR_ENUM_ACT).characters[0];
    assert.ok(act);
    assert.deepEqual(
      [act.name, act.level, act.skin, act.face, act.hairStyle, act.hairColor, act.facialHair, act.firstLogin, act.pet],
      ["Act", 80, 2, 2, 8, 9, 2, false, { displayId: 0, level: 0, family: 0 }],
    );
    assert.deepEqual(act.equipment[0], { displayId: 0x9e20, inventoryType: 1, enchantAuraId: 0 });
    assert.equal(toHex(charEnumCodec.encode({ characters: [act] })), toHex(CHAR_ENUM_ACT));
    assertFuzz(charEnumCodec, CHAR_ENUM_ACT, 80);
  });

  it("refuses a character without 23 gear entries", () => {
    const act = charEnumCodec.decode(CHAR_ENUM_ACT).characters[0] as CharacterEnumEntry;
    assert.throws(() => charEnumCodec.encode({ characters: [{ ...act, equipment: act.equipment.slice(1) }] }), ProtocolError);
  });

  it("CMSG_CHAR_ENUM is empty (captured 000437000000)", () => {
    assertVector(charEnumRequestCodec, clientPayload(hex("000437000000"), Opcode.CMSG_CHAR_ENUM), {});
    assertFuzz(charEnumRequestCodec, new Uint8Array(0));
  });

  it("CMSG_CHAR_CREATE follows AzerothCore's read order", () => {
    // gtker/wow_messages cmsg_char_create.wowm: the 1.12 test block has the 3.3.5 layout.
    const payload = clientPayload(hex("00163600000044656164626565660001010108000e020400"), Opcode.CMSG_CHAR_CREATE);
    assertVector(charCreateRequestCodec, payload, {
      name: "Deadbeef", race: 1, classId: 1, gender: 1, skin: 8, face: 0, hairStyle: 14, hairColor: 2, facialHair: 4, outfitId: 0,
    });
    assertFuzz(charCreateRequestCodec, payload);
  });

  it("one-byte results use AzerothCore's ResponseCodes", () => {
    assertVector(charCreateResultCodec, hex("2f"), { result: ResponseCode.CHAR_CREATE_SUCCESS });
    assertVector(charCreateResultCodec, hex("32"), { result: ResponseCode.CHAR_CREATE_NAME_IN_USE });
    assertVector(charDeleteResultCodec, hex("47"), { result: ResponseCode.CHAR_DELETE_SUCCESS });
    assertVector(characterLoginFailedCodec, hex("53"), { result: ResponseCode.CHAR_LOGIN_NO_CHARACTER });
    assertFuzz(charDeleteResultCodec, hex("47"));
  });

  it("GUID requests: CMSG_CHAR_DELETE (wow_messages) and CMSG_PLAYER_LOGIN (capture)", () => {
    assertVector(charDeleteRequestCodec, clientPayload(hex("000c38000000efbeadde00000000"), Opcode.CMSG_CHAR_DELETE), { guid: 0xdeadbeefn });
    assertVector(playerLoginCodec, clientPayload(hex("000C3D0000000100000000000000"), Opcode.CMSG_PLAYER_LOGIN), { guid: 1n });
    assertFuzz(playerLoginCodec, hex("0100000000000000"));
  });
});

describe("entering the world", () => {
  it("SMSG_LOGIN_VERIFY_WORLD and SMSG_NEW_WORLD match captures", () => {
    assertVector(
      loginVerifyWorldCodec,
      serverPayload(latin1("\x00\x166\x02\x01\x00\x00\x00ke\xb7E\x7f\xb3\x82\xc5D\xb7\xceD\xa0\xf8E@"), Opcode.SMSG_LOGIN_VERIFY_WORLD),
      { map: 1, position: { x: 5868.67724609375, y: -4182.43701171875, z: 1653.72705078125 }, orientation: 3.0932998657226562 },
    );
    const newWorld = serverPayload(latin1("\x00\x16>\x00;\x02\x00\x00\\\x97\nE\xf6\r\xa0E\xfe\xeb\x15A\xcee\xb7?"), Opcode.SMSG_NEW_WORLD);
    assertVector(newWorldCodec, newWorld, {
      map: 571,
      position: { x: 2217.4599609375, y: 5121.7451171875, z: 9.370115280151367 },
      orientation: 1.4327943325042725,
    });
    assertFuzz(newWorldCodec, newWorld);
  });

  it("SMSG_TRANSFER_PENDING with and without the transport fields", () => {
    assertVector(transferPendingCodec, serverPayload(latin1("\x00\x06?\x00;\x02\x00\x00"), Opcode.SMSG_TRANSFER_PENDING), { map: 571 });
    // AzerothCore Player::TeleportTo on a transport: map, transport entry, the current map.
    const onShip = assertRoundTrip(transferPendingCodec, { map: 1, transport: { entry: 20808, previousMap: 0 } });
    assert.equal(toHex(onShip), "010000004851000000000000");
    assertFuzz(transferPendingCodec, onShip);
  });
});

describe("logout", () => {
  it("matches captures and wow_messages vectors", () => {
    assertVector(logoutRequestCodec, clientPayload(hex("00044b000000"), Opcode.CMSG_LOGOUT_REQUEST), {});
    assertVector(logoutResponseCodec, serverPayload(hex("00074c000000000001"), Opcode.SMSG_LOGOUT_RESPONSE), {
      result: LogoutResult.SUCCESS,
      instant: true,
    });
    assertVector(logoutResponseCodec, hex("0100000000"), { result: LogoutResult.FAILURE_IN_COMBAT, instant: false });
    assertVector(logoutCompleteCodec, serverPayload(hex("00024d00"), Opcode.SMSG_LOGOUT_COMPLETE), {});
    assertVector(logoutCancelCodec, new Uint8Array(0), {});
    assertVector(logoutCancelAckCodec, new Uint8Array(0), {});
    assertFuzz(logoutResponseCodec, hex("0000000001"));
    assertFuzz(logoutCompleteCodec, new Uint8Array(0));
  });
});

describe("ping and time sync", () => {
  it("CMSG_PING / SMSG_PONG (wow_messages 1.12 vectors, same layout in 3.3.5)", () => {
    assertVector(pingCodec, clientPayload(hex("000cdc010000efbeaddedecafa00"), Opcode.CMSG_PING), { sequence: 0xdeadbeef, latency: 0xfacade });
    assertVector(pongCodec, serverPayload(hex("0006dd01efbeadde"), Opcode.SMSG_PONG), { sequence: 0xdeadbeef });
    assertFuzz(pingCodec, hex("efbeaddedecafa00"));
    assertFuzz(pongCodec, hex("efbeadde"));
  });

  it("SMSG_TIME_SYNC_REQ / CMSG_TIME_SYNC_RESP match captures", () => {
    assertVector(timeSyncRequestCodec, serverPayload(hex("000690033E010000"), Opcode.SMSG_TIME_SYNC_REQ), { counter: 318 });
    // The wlink capture 000A9103000005000000D5C30000 has a size field 2 short (its own client wrote it); the payload is used.
    assertVector(timeSyncResponseCodec, hex("05000000D5C30000"), {
      counter: 5,
      clientTicks: 50133,
    });
    assertFuzz(timeSyncResponseCodec, hex("05000000D5C30000"));
    assertFuzz(timeSyncRequestCodec, hex("3E010000"));
  });
});
