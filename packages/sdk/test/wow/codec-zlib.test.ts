import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deflateSync } from "node:zlib";
import { Opcode, PacketReader, PacketWriter, ProtocolError, decodeClientHeader } from "@tc9/sdk/wow";
import { assertOnlyProtocolErrors, mutations } from "./fuzz.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));

/*
 * A real CMSG_AUTH_SESSION with a zlib-compressed addon list, from gtker/wow_messages
 * wow_message_parser/wowm/world/character_screen/cmsg_auth_session.wowm (test block, client 1.12).
 * The 1.12 body is shorter than 3.3.5's, but the client header and the addon zlib block
 * (u32 uncompressed size + zlib data to the end of the packet) have the same layout.
 */
const AUTH_SESSION_PACKET = hex(`
  00ac ed010000
  f3160000 00000000 4100
  8802d849 889def0525bbc1aba78adba4fba3e77e67aceac6
  56010000
  789c75ccbd0ec2300c04e0f21ebc0c614095c842c38c4ce2220bc7a98ccb4f9f1e16240673eb77778169
  5940cb693367a326c7be5bd5c77adf7d12be16c08c7124e41249a8c2e495480ac9c53dd8b67a064bf834
  0f15467367bb38cc7ac7978bbddc26ccfe3042d6e6ca01a8b8908051fcb7a45070b812f33f2641fdb537
  9019668f`);
const AUTH_SESSION_PAYLOAD = AUTH_SESSION_PACKET.subarray(6);
/** Offset of the zlib block (its u32 size field) in the payload. */
const ZLIB_BLOCK_OFFSET = 4 + 4 + 2 + 4 + 20;
/** AzerothCore refuses addon data above this (WorldSession::ReadAddonsInfo). */
const ADDON_INFO_LIMIT = 0xfffff;

interface AddonInfo {
  name: string;
  hasSignature: number;
  crc: number;
  extraCrc: number;
}

function decodeAddons(inflated: Uint8Array): AddonInfo[] {
  const reader = new PacketReader(inflated, { opcode: Opcode.CMSG_AUTH_SESSION });
  const addons: AddonInfo[] = [];
  while (reader.remaining > 0) {
    addons.push({
      name: reader.readCString({ maxLength: 255 }),
      hasSignature: reader.readU8(),
      crc: reader.readU32(),
      extraCrc: reader.readU32(),
    });
  }
  return addons;
}

/** Decodes the 1.12 CMSG_AUTH_SESSION payload above, including its addon list. */
function decodeAuthSession(payload: Uint8Array): { build: number; account: string; seed: number; addons: AddonInfo[] } {
  const reader = new PacketReader(payload, { opcode: Opcode.CMSG_AUTH_SESSION });
  const build = reader.readU32();
  reader.readU32(); // server id
  const account = reader.readCString({ maxLength: 16 });
  const seed = reader.readU32();
  reader.readBytes(20); // client proof
  const addons = decodeAddons(reader.readZlibBlock({ maxSize: ADDON_INFO_LIMIT }));
  reader.expectEnd();
  return { build, account, seed, addons };
}

/** The zlib block alone, with its size field replaced by `declaredSize`. */
function zlibBlockDeclaring(declaredSize: number, data = AUTH_SESSION_PAYLOAD.subarray(ZLIB_BLOCK_OFFSET + 4)): Uint8Array {
  return new PacketWriter().writeU32(declaredSize).writeBytes(data).toBytes();
}

function expectProtocolError(action: () => unknown, reason: RegExp): ProtocolError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ProtocolError, `expected ProtocolError, got ${String(caught)}`);
  assert.match(caught.reason, reason);
  return caught;
}

describe("zlib blocks", () => {
  it("inflates the real CMSG_AUTH_SESSION addon block (342 bytes, 12 addons)", () => {
    assert.deepEqual(decodeClientHeader(AUTH_SESSION_PACKET), {
      opcode: Opcode.CMSG_AUTH_SESSION,
      payloadLength: AUTH_SESSION_PAYLOAD.length,
      headerLength: 6,
    });
    const session = decodeAuthSession(AUTH_SESSION_PAYLOAD);
    assert.equal(session.build, 5875);
    assert.equal(session.account, "A");
    assert.equal(session.seed, 1238893192);
    assert.equal(session.addons.length, 12);
    assert.deepEqual(session.addons[0], { name: "Blizzard_AuctionUI", hasSignature: 1, crc: 1276933997, extraCrc: 0 });
    assert.equal(session.addons[11]?.name, "Blizzard_TrainerUI");
  });

  it("checks the declared size against the limit before inflating", () => {
    // The data after the size field is garbage: only the size check can have produced this error.
    const block = new PacketWriter().writeU32(0x100000).writeBytes(hex("deadbeef")).toBytes();
    const error = expectProtocolError(
      () => new PacketReader(block, { opcode: Opcode.CMSG_AUTH_SESSION }).readZlibBlock({ maxSize: ADDON_INFO_LIMIT }),
      /declares 1048576 uncompressed bytes, more than the limit of 1048575/,
    );
    assert.equal(error.offset, 0);
    assert.equal(error.opcodeName, "CMSG_AUTH_SESSION");
  });

  it("refuses a block whose data inflates to more or fewer bytes than declared", () => {
    expectProtocolError(() => new PacketReader(zlibBlockDeclaring(341)).readZlibBlock({ maxSize: 1000 }), /inflated to 342 bytes but the block declares 341/);
    expectProtocolError(() => new PacketReader(zlibBlockDeclaring(343)).readZlibBlock({ maxSize: 1000 }), /inflated to 342 bytes but the block declares 343/);
    expectProtocolError(() => new PacketReader(zlibBlockDeclaring(0)).readZlibBlock({ maxSize: 1000 }), /corrupt or inflates past/);
    expectProtocolError(() => new PacketReader(zlibBlockDeclaring(10, hex(""))).readZlibBlock({ maxSize: 1000 }), /corrupt/);
  });

  it("stops a zlib bomb at the declared size", () => {
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024));
    assert.ok(bomb.length < 16 * 1024);
    const block = zlibBlockDeclaring(1024, bomb);
    expectProtocolError(() => new PacketReader(block).readZlibBlock({ maxSize: 4096 }), /inflates past its declared 1024/);
  });

  it("reads only compressedLength bytes when given, leaving the rest of the packet", () => {
    const compressed = deflateSync(Buffer.from("hello"));
    const packet = new PacketWriter().writeU32(5).writeBytes(compressed).writeU16(0xbeef).toBytes();
    const reader = new PacketReader(packet);
    assert.equal(Buffer.from(reader.readZlibBlock({ maxSize: 16, compressedLength: compressed.length })).toString(), "hello");
    assert.equal(reader.readU16(), 0xbeef);
    reader.expectEnd();
  });

  it("round-trips through writeZlibBlock, including empty data", () => {
    for (const data of [new Uint8Array(0), AUTH_SESSION_PACKET, new Uint8Array(70_000).fill(7)]) {
      const block = new PacketWriter().writeZlibBlock(data, 9).toBytes();
      assert.equal(new PacketReader(block).readU32(), data.length);
      assert.deepEqual(new PacketReader(block).readZlibBlock({ maxSize: data.length }), data);
    }
  });

  it("survives fuzzing: mutated auth sessions only ever raise ProtocolError", () => {
    const outcome = assertOnlyProtocolErrors(
      decodeAuthSession,
      mutations(AUTH_SESSION_PAYLOAD, { seed: 7, fieldOffsets: [0, 4, 10, ZLIB_BLOCK_OFFSET, ZLIB_BLOCK_OFFSET + 2] }),
    );
    assert.ok(outcome.rejected > 300, `rejected ${outcome.rejected}`);
    assert.ok(outcome.decoded >= 1);
  });
});
