import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { describe, it } from "node:test";
import {
  type HeaderCipher,
  type WorldFrame,
  MAX_CLIENT_PAYLOAD,
  MAX_SERVER_PAYLOAD,
  Opcode,
  ProtocolError,
  createFrameSplitter,
  decodeClientHeader,
  decodeServerHeader,
  encodeClientHeader,
  encodeClientPacket,
  encodeServerHeader,
  encodeServerPacket,
  serverHeaderLength,
} from "@tc9/sdk/wow";
import { assertOnlyProtocolErrors, createRandom, mutations } from "./fuzz.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/*
 * A minimal 3.3.5 header cipher for these tests only (the real one lives in wow/crypto/):
 * RC4 keyed with HMAC-SHA1(direction key, session key), first 1024 keystream bytes dropped
 * (facts: AzerothCore AuthCrypt.cpp, wow_srp wrath_header).
 */
const CLIENT_TO_SERVER_KEY = "C2B3723CC6AED9B5343C53EE2F4367CE";
const SERVER_TO_CLIENT_KEY = "CC98AE04E897EACA12DDC09342915357";

function headerCipher(directionKeyHex: string, sessionKey: Uint8Array): HeaderCipher {
  const key = createHmac("sha1", Buffer.from(directionKeyHex, "hex")).update(sessionKey).digest();
  const state = Uint8Array.from({ length: 256 }, (_, index) => index);
  const swap = (a: number, b: number): void => {
    const t = state[a] ?? 0;
    state[a] = state[b] ?? 0;
    state[b] = t;
  };
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (state[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    swap(i, j);
  }
  let i = 0;
  j = 0;
  const apply: HeaderCipher = (bytes) => {
    for (let n = 0; n < bytes.length; n++) {
      i = (i + 1) & 0xff;
      j = (j + (state[i] ?? 0)) & 0xff;
      swap(i, j);
      bytes[n] = (bytes[n] ?? 0) ^ (state[((state[i] ?? 0) + (state[j] ?? 0)) & 0xff] ?? 0);
    }
  };
  apply(new Uint8Array(1024));
  return apply;
}

/* Session key of the real 3.3.5 client capture in gtker/wow_srp src/wrath_header/mod.rs (verify_headers). */
const CAPTURE_SESSION_KEY = Uint8Array.of(
  1, 51, 81, 113, 146, 209, 181, 133, 131, 129, 50, 206, 122, 228, 208, 115, 52, 15, 132, 54, 189, 17, 178, 157, 178, 3,
  35, 186, 202, 151, 226, 58, 162, 188, 65, 174, 60, 18, 152, 7,
);
/** Encrypted client headers from that capture, in order, with their plaintext (size = opcode + payload). */
const CAPTURE_CLIENT_HEADERS = [
  { encrypted: "850f6e9155f9", size: 4, opcode: Opcode.CMSG_READY_FOR_ACCOUNT_DATA_TIMES },
  { encrypted: "568e8c9aed42", size: 4, opcode: Opcode.CMSG_CHAR_ENUM },
  { encrypted: "c2f3b7c517bc", size: 8, opcode: Opcode.CMSG_REALM_SPLIT },
  { encrypted: "30f7a6ee74be", size: 12, opcode: Opcode.CMSG_PING },
];
/** Encrypted server headers from that capture, in order. */
const CAPTURE_SERVER_HEADERS = [
  { encrypted: "17aad44c", size: 13, opcode: Opcode.SMSG_AUTH_RESPONSE },
  { encrypted: "1a9c7c10", size: 277, opcode: Opcode.SMSG_CHAR_ENUM },
  { encrypted: "10fb6ea8", size: 19, opcode: Opcode.SMSG_REALM_SPLIT },
];

/** Splits `stream` into random chunks (sizes 1..maxChunk) and collects every frame. */
function splitRandomly(stream: Uint8Array, push: (chunk: Uint8Array) => Iterable<WorldFrame>, seed: number, maxChunk: number): WorldFrame[] {
  const random = createRandom(seed);
  const frames: WorldFrame[] = [];
  for (let offset = 0; offset < stream.length; ) {
    const size = 1 + random.int(maxChunk);
    frames.push(...push(stream.slice(offset, offset + size)));
    offset += size;
  }
  return frames;
}

const concat = (parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));
const payloadOf = (length: number, fill: number): Uint8Array => new Uint8Array(length).fill(fill);

function expectProtocolError(action: () => unknown): ProtocolError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ProtocolError, `expected ProtocolError, got ${String(caught)}`);
  return caught;
}

describe("world header encode/decode", () => {
  it("encodes and decodes client headers (u16 BE size incl. opcode, u32 LE opcode)", () => {
    const header = encodeClientHeader(Opcode.CMSG_AUTH_SESSION, 168);
    // wow_messages cmsg_auth_session.wowm: size 00 ac, opcode ed 01 00 00
    assert.equal(toHex(header), "00aced010000");
    assert.deepEqual(decodeClientHeader(header), { opcode: 0x1ed, payloadLength: 168, headerLength: 6 });
    assert.equal(toHex(encodeClientHeader(0xfffffffe, MAX_CLIENT_PAYLOAD)), "fffffeffffff");
    assert.equal(expectProtocolError(() => encodeClientHeader(1, MAX_CLIENT_PAYLOAD + 1)).kind, "encode");
    assert.match(expectProtocolError(() => decodeClientHeader(hex("0003 01000000"))).reason, /smaller than its 4-byte opcode/);
  });

  it("encodes and decodes 4-byte server headers and switches to 5 bytes above size 0x7FFF", () => {
    // wow_messages smsg_update_object_3_3_5.wowm: 00 73 a9 00 for 113 payload bytes.
    assert.equal(toHex(encodeServerHeader(Opcode.SMSG_UPDATE_OBJECT, 113)), "0073a900");
    assert.deepEqual(decodeServerHeader(hex("0073a900")), { opcode: 0xa9, payloadLength: 113, headerLength: 4 });
    assert.equal(toHex(encodeServerHeader(0x1ee, 0x7fff - 2)), "7fffee01");
    assert.equal(toHex(encodeServerHeader(0x1ee, 0x8000 - 2)), "808000ee01");
    assert.deepEqual(decodeServerHeader(hex("808000ee01")), { opcode: 0x1ee, payloadLength: 0x7ffe, headerLength: 5 });
    assert.equal(toHex(encodeServerHeader(0xffff, MAX_SERVER_PAYLOAD)), "ffffffffff");
    assert.equal(serverHeaderLength(0x80), 5);
    assert.equal(serverHeaderLength(0x7f), 4);
    assert.equal(expectProtocolError(() => encodeServerHeader(0x10000, 0)).kind, "encode");
    assert.equal(expectProtocolError(() => encodeServerHeader(1, MAX_SERVER_PAYLOAD + 1)).kind, "encode");
    assert.match(expectProtocolError(() => decodeServerHeader(hex("8000"))).reason, /needs 5 bytes, got 2/);
    assert.match(expectProtocolError(() => decodeServerHeader(hex("00010100"))).reason, /smaller than its 2-byte opcode/);
  });

  it("reproduces the encrypted server headers of a real 3.3.5 client capture (wow_srp)", () => {
    const encrypt = headerCipher(SERVER_TO_CLIENT_KEY, CAPTURE_SESSION_KEY);
    for (const { encrypted, size, opcode } of CAPTURE_SERVER_HEADERS) {
      const packet = encodeServerPacket(opcode, payloadOf(size - 2, 0x5a), encrypt);
      assert.equal(toHex(packet.subarray(0, 4)), encrypted, `opcode 0x${opcode.toString(16)}`);
      assert.ok(packet.subarray(4).every((byte) => byte === 0x5a), "the payload is not encrypted");
    }
  });

  it("reproduces wow_srp's large (5-byte) encrypted server header", () => {
    // gtker/wow_srp src/wrath_header/mod.rs verify_server_header: size 0x8008 then size 0x08, fresh cipher.
    const encrypt = headerCipher(SERVER_TO_CLIENT_KEY, CAPTURE_SESSION_KEY);
    assert.equal(toHex(encodeServerPacket(0x1ee, payloadOf(0x8006, 0), encrypt).subarray(0, 5)), "972732a31a");
    assert.equal(toHex(encodeServerPacket(0x1ee, payloadOf(6, 0), encrypt).subarray(0, 4)), "894ffe11");
  });

  it("encrypts client packets in place, leaving the payload alone", () => {
    const packet = encodeClientPacket(Opcode.CMSG_PING, hex("0100000002000000"), (header) => header.reverse());
    assert.equal(toHex(packet), "000001dc0c00" + "0100000002000000");
  });
});

describe("frame splitter", () => {
  it("decrypts the real capture's client stream across any chunk boundaries", () => {
    const stream = concat(
      CAPTURE_CLIENT_HEADERS.map(({ encrypted, size }, index) => concat([hex(encrypted), payloadOf(size - 4, index)])),
    );
    for (let seed = 1; seed <= 25; seed++) {
      const splitter = createFrameSplitter({
        direction: "client-to-server",
        maxPayload: 10240,
        decryptHeader: headerCipher(CLIENT_TO_SERVER_KEY, CAPTURE_SESSION_KEY),
      });
      const frames = splitRandomly(stream, (chunk) => splitter.push(chunk), seed, 7);
      assert.deepEqual(
        frames.map((frame) => [frame.opcode, toHex(frame.payload)]),
        CAPTURE_CLIENT_HEADERS.map(({ opcode, size }, index) => [opcode, toHex(payloadOf(size - 4, index))]),
        `seed ${seed}`,
      );
      assert.equal(splitter.bufferedBytes, 0);
    }
  });

  it("decrypts the first server header byte alone to find large headers", () => {
    const payloads = [payloadOf(11, 1), payloadOf(0x8006, 2), payloadOf(0, 3), payloadOf(275, 4)];
    const encrypt = headerCipher(SERVER_TO_CLIENT_KEY, CAPTURE_SESSION_KEY);
    const stream = concat(payloads.map((payload, index) => encodeServerPacket(0x100 + index, payload, encrypt)));
    for (const [seed, maxChunk] of [[1, 3], [2, 1000], [3, 70_000]] as const) {
      const decryptCalls: number[] = [];
      const decrypt = headerCipher(SERVER_TO_CLIENT_KEY, CAPTURE_SESSION_KEY);
      const splitter = createFrameSplitter({
        direction: "server-to-client",
        maxPayload: 0x10000,
        decryptHeader: (bytes) => {
          decryptCalls.push(bytes.length);
          decrypt(bytes);
        },
      });
      const frames = splitRandomly(stream, (chunk) => splitter.push(chunk), seed, maxChunk);
      assert.deepEqual(frames.map((frame) => frame.opcode), [0x100, 0x101, 0x102, 0x103]);
      assert.deepEqual(frames.map((frame) => frame.payload.length), payloads.map((payload) => payload.length));
      assert.ok(frames[1]?.payload.every((byte) => byte === 2));
      assert.deepEqual(decryptCalls, [1, 3, 1, 4, 1, 3, 1, 3], "first byte alone, then the rest of the header");
    }
  });

  it("switches decryption on between frames, as after CMSG_AUTH_SESSION", () => {
    const authSession = encodeClientPacket(Opcode.CMSG_AUTH_SESSION, payloadOf(3, 9));
    const encrypted = hex(CAPTURE_CLIENT_HEADERS[0]?.encrypted ?? "");
    const splitter = createFrameSplitter({ direction: "client-to-server", maxPayload: 100 });
    splitter.push(concat([authSession, encrypted]));
    assert.equal(splitter.next()?.opcode, Opcode.CMSG_AUTH_SESSION);
    splitter.setDecryptHeader(headerCipher(CLIENT_TO_SERVER_KEY, CAPTURE_SESSION_KEY));
    assert.deepEqual(splitter.next(), { opcode: Opcode.CMSG_READY_FOR_ACCOUNT_DATA_TIMES, payload: new Uint8Array(0) });
    assert.equal(splitter.next(), undefined);
  });

  it("refuses an oversized payload from the header alone, before any body arrives", () => {
    const splitter = createFrameSplitter({ direction: "client-to-server", maxPayload: 10240 });
    const frames = [...splitter.push(encodeClientPacket(Opcode.CMSG_PING, payloadOf(8, 0)))];
    assert.equal(frames.length, 1);
    const error = expectProtocolError(() => [...splitter.push(encodeClientHeader(Opcode.CMSG_MESSAGECHAT, 10241))]);
    assert.equal(error.reason, "payload of 10241 bytes exceeds the limit of 10240");
    assert.equal(error.offset, 14, "the offending header's position in the stream");
    assert.equal(error.opcodeName, "CMSG_MESSAGECHAT");
    assert.equal(splitter.bufferedBytes, 0, "no body was waited for");
    assert.equal(expectProtocolError(() => splitter.push(new Uint8Array(1))), error, "the splitter stays failed");
    assert.equal(expectProtocolError(() => splitter.next()), error);
  });

  it("refuses headers whose size is smaller than the opcode", () => {
    const serverSplitter = createFrameSplitter({ direction: "server-to-client", maxPayload: 100 });
    assert.match(expectProtocolError(() => [...serverSplitter.push(hex("0001ff00"))]).reason, /smaller than its 2-byte opcode/);
  });

  it("survives fuzzing: any byte stream yields frames or ProtocolError", () => {
    const stream = concat([
      encodeClientPacket(Opcode.CMSG_PING, hex("0100000002000000")),
      encodeClientPacket(Opcode.CMSG_CHAR_ENUM, new Uint8Array(0)),
      encodeClientPacket(Opcode.CMSG_AUTH_SESSION, payloadOf(40, 0x41)),
    ]);
    for (const direction of ["client-to-server", "server-to-client"] as const) {
      const outcome = assertOnlyProtocolErrors((bytes) => {
        const splitter = createFrameSplitter({ direction, maxPayload: 64 });
        return [...splitter.push(bytes)];
      }, mutations(stream, { seed: 5 }));
      assert.ok(outcome.rejected > 0, `${direction}: rejected ${outcome.rejected}`);
    }
  });
});
