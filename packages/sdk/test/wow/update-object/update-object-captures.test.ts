// SMSG_UPDATE_OBJECT / SMSG_COMPRESSED_UPDATE_OBJECT against real traffic: the captures of
// metal0/wlink's tests must decode, re-encode byte for byte (the inflated form for the compressed
// ones) and yield the party-frame fields AzerothCore sent.
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { describe, test } from "node:test";
import {
  UpdateFlag,
  collectUnitStats,
  smsgCompressedUpdateObjectCodec,
  smsgUpdateObjectCodec,
} from "../../../src/wow/world/update-object/index.js";
import { assertOnlyProtocolErrors, mutations } from "../fuzz.js";

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "hex"));
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

// Real AzerothCore traffic captured by metal0/wlink @ 181f6d0d (tests/world/packets/test_update_packets.py),
// server header removed: a transport game object created, a compressed health/power update
// of player 1, and the compressed login burst creating 14 items and the player 0x30 itself.
const UPDATE_CREATE_GAMEOBJECT = hex(
  "0100000002c104c01f0552027e3f83c55526bac300000000fa7fd83f04000000bf05a3030000000000000000011f6303" +
  "00040000000000c01f2100000067b002000000803fc70b0000280000000000803f000000ff67830300010f00ff",
);
const COMPRESSED_HEALTH_UPDATE = hex("c000000078016364000246462d20c90c623234b080a9c14a7c526160909240b80e00912201fd");
const COMPRESSED_LOGIN_CREATE = hex(
  "3b060000780185944b6813511486cf4c621b484a26c4fa7e4488b6d840e346579a49366a5110715f145d74d145bb713b" +
  "346edc9542292df8c095828205b115445a0b4a858a5d74114a3101172ebb2928a8f5ffcfdc4b2628cc8173ff73eedc6f" +
  "eeccb98fac88b8f574b7ef7892ee463c5c450f8c09cc4fa039a561502943e90edcadf728d41381ca4c600af569d809e5" +
  "d17710eed6b30a6723b0308129dcaf6127ecd6730ae52250998985c6df33ec847ad113ce9857381fc2058e1426309db1" +
  "789861271cfee76a86c559cd6871d8259a40147c36c19e36b817d92eccadaf29b8160599c0147c9b63f83f705dc1f528" +
  "c80416036e28b8110599c4830d051b5190493cb8a5e0561464120fb6146c454126f1e0b682db5190493c3898e23a0ea6" +
  "741d0b0a30816955ef2f326c2f07373e579b9e70cac99b50dad1e6d5d4f8ab99e591e5772b8bc7eed63edf59a8844f0a" +
  "be48133ee98f1d9981b6f366f6b2bfb273c93fdd2b416e5a967e7c0d764e60eea12eb917eec1f00dda4eb8e24a262b19" +
  "f9b59b8df4b7437e9adafce8e6ebd1cd2e9bc66a3915785213497afa711c9f943f149f8d046c2a5e78ca796c5810c711" +
  "67faa4c86d64d4ef989e31f51a9405d23a6ae3cb8db4c817fc15dd1df8784164a9720663e873b33f6b73b3bff109b440" +
  "0bc7ba8fc19fc28bf0f370bef31bfccd71912baec802e2a962a33a556c55f59bcc9854624f12d3babca1fae0fd705e03" +
  "f6f6b21792bd5bec75614f3e4f35ccb7e7d21e337b6aec21b07bda6e51bbe3ec06c23b9287d0a05432a03ae9948c9e35" +
  "7acee8b0d15bd09253721e9bfc89d1e7465f187d69f4018ac2f73f34fac8e8bcd18b1887520977c77538cc0f54b08249" +
  "0d3c1d209ef7493e0c85f5e71afcebbcc0b8b6bc3ef7c1f7c30fc0b927f89f5cb8bfc6b5d212",
);

describe("captured updates (metal0/wlink)", () => {
  test("a game object created with a stationary position, rotation and a transport timer re-encodes byte for byte", () => {
    const message = smsgUpdateObjectCodec.decode(UPDATE_CREATE_GAMEOBJECT);
    const [block] = message.blocks;
    assert.ok(block?.kind === "create-object");
    assert.deepEqual([block.guid, block.objectType], [0x1fc0000000000004n, 5]);
    assert.equal(block.movement.updateFlags, UpdateFlag.ROTATION | UpdateFlag.STATIONARY_POSITION | UpdateFlag.LOW_GUID | UpdateFlag.TRANSPORT);
    assert.equal(toHex(smsgUpdateObjectCodec.encode(message)), toHex(UPDATE_CREATE_GAMEOBJECT));
  });

  test("a compressed VALUES update carries player 1's health and mana", () => {
    const message = smsgCompressedUpdateObjectCodec.decode(COMPRESSED_HEALTH_UPDATE);
    assert.deepEqual(collectUnitStats(message, 1n), { health: 9458, powers: new Map([[0, 6170]]) });
    const [block] = message.blocks;
    assert.ok(block?.kind === "values");
    assert.equal(block.values.maskBlockCount, 42); // the full player mask, as AzerothCore sends it
    assert.equal(toHex(smsgUpdateObjectCodec.encode(message)), toHex(inflateSync(COMPRESSED_HEALTH_UPDATE.subarray(4))));
  });

  test("the login burst: 14 items skipped, then the player's own create with its party-frame fields", () => {
    const message = smsgCompressedUpdateObjectCodec.decode(COMPRESSED_LOGIN_CREATE);
    assert.equal(message.blocks.length, 15);
    assert.equal(message.blocks.filter((block) => block.kind === "create-object" && block.objectType === 1).length, 14);
    const player = message.blocks[14];
    assert.ok(player?.kind === "create-object2");
    assert.deepEqual([player.guid, player.objectType, player.movement.updateFlags], [0x30n, 4, UpdateFlag.SELF | UpdateFlag.LIVING | UpdateFlag.STATIONARY_POSITION]);
    assert.deepEqual(collectUnitStats(message, 0x30n), {
      health: 9621,
      maxHealth: 9621,
      level: 80,
      bytes0: { race: 1, classId: 1, gender: 0, powerType: 1 },
      powers: new Map([[3, 100]]),
      maxPowers: new Map([
        [1, 1000],
        [3, 100],
        [6, 1000],
      ]),
      auraState: 0x400000,
    });
    assert.equal(toHex(smsgUpdateObjectCodec.encode(message)), toHex(inflateSync(COMPRESSED_LOGIN_CREATE.subarray(4))));
    // Item creates are not unit fields, even where an item field shares a unit index.
    assert.deepEqual(collectUnitStats(message, 0x400000000000070dn), {});
    const outcome = assertOnlyProtocolErrors((bytes) => smsgCompressedUpdateObjectCodec.decode(bytes), mutations(COMPRESSED_LOGIN_CREATE, { seed: 9, randomCount: 60, fieldOffsets: [0, 4, 8] }));
    assert.ok(outcome.rejected > 0);
  });
});
