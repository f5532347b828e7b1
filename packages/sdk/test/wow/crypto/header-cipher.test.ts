import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTc9Error } from "../../../src/errors.js";
import { Arc4 } from "../../../src/wow/crypto/arc4.js";
import { WorldHeaderCipher } from "../../../src/wow/crypto/header-cipher.js";
import { serverHeaderLength } from "../../../src/wow/world/framing.js";
import { bytesToHex, column, hexToBytes, readVectorRows } from "./vector-file.js";

// Real 3.3.5a client capture from gtker/wow_srp src/wrath_header/mod.rs
// (@5428c4fd722005ea1be2e866d6f0e5d3000b7cd4, tests verify_headers / verify_server_header).
const CAPTURE_SESSION_KEY = Uint8Array.of(
  1, 51, 81, 113, 146, 209, 181, 133, 131, 129, 50, 206, 122, 228, 208, 115, 52, 15, 132, 54,
  189, 17, 178, 157, 178, 3, 35, 186, 202, 151, 226, 58, 162, 188, 65, 174, 60, 18, 152, 7,
);
/** Server → client headers in send order: plaintext (size, opcode) and the bytes on the wire. */
const CAPTURED_SERVER_HEADERS = [
  { size: 13, opcode: 0x1ee, wire: "17aad44c" },
  { size: 277, opcode: 0x3b, wire: "1a9c7c10" },
  { size: 19, opcode: 0x38b, wire: "10fb6ea8" },
] as const;
/** Client → server headers in send order. */
const CAPTURED_CLIENT_HEADERS = [
  { size: 4, opcode: 0x4ff, wire: "850f6e9155f9" },
  { size: 4, opcode: 0x37, wire: "568e8c9aed42" },
  { size: 8, opcode: 0x38c, wire: "c2f3b7c517bc" },
  { size: 12, opcode: 0x1dc, wire: "30f7a6ee74be" },
] as const;

/** size u16 BE, opcode u16 LE. */
function serverHeader(size: number, opcode: number): Uint8Array {
  return Uint8Array.of(size >> 8, size & 0xff, opcode & 0xff, opcode >> 8);
}
/** size u16 BE, opcode u32 LE. */
function clientHeader(size: number, opcode: number): Uint8Array {
  const header = new Uint8Array(6);
  const view = new DataView(header.buffer);
  view.setUint16(0, size, false);
  view.setUint32(2, opcode, true);
  return header;
}

describe("WorldHeaderCipher against the real 3.3.5a capture", () => {
  it("server end: encrypts the captured server headers and decrypts the captured client headers", () => {
    const server = WorldHeaderCipher.forServer(CAPTURE_SESSION_KEY);
    for (const { size, opcode, wire } of CAPTURED_SERVER_HEADERS) {
      const header = serverHeader(size, opcode);
      server.encryptHeader(header);
      assert.equal(bytesToHex(header), wire);
    }
    for (const { size, opcode, wire } of CAPTURED_CLIENT_HEADERS) {
      const header = hexToBytes(wire);
      server.decryptHeader(header);
      assert.equal(bytesToHex(header), bytesToHex(clientHeader(size, opcode)));
    }
  });

  it("client end: encrypts the captured client headers and decrypts the captured server headers", () => {
    const client = WorldHeaderCipher.forClient(CAPTURE_SESSION_KEY);
    for (const { size, opcode, wire } of CAPTURED_CLIENT_HEADERS) {
      const header = clientHeader(size, opcode);
      client.encryptHeader(header);
      assert.equal(bytesToHex(header), wire);
    }
    for (const { size, opcode, wire } of CAPTURED_SERVER_HEADERS) {
      const header = hexToBytes(wire);
      client.decryptHeader(header);
      assert.equal(bytesToHex(header), bytesToHex(serverHeader(size, opcode)));
    }
  });

  it("decrypts a large (5-byte) server header after looking at its first byte alone", () => {
    const server = WorldHeaderCipher.forServer(CAPTURE_SESSION_KEY);
    const client = WorldHeaderCipher.forClient(CAPTURE_SESSION_KEY);

    const large = Uint8Array.of(0x80 | (0x8008 >> 16), (0x8008 >> 8) & 0xff, 0x8008 & 0xff, 0xee, 0x01);
    server.encryptHeader(large);
    assert.equal(bytesToHex(large), "972732a31a"); // wow_srp verify_server_header
    const small = serverHeader(0x08, 0x1ee);
    server.encryptHeader(small);
    assert.equal(bytesToHex(small), "894ffe11");

    const stream = Uint8Array.of(...large, ...small);
    let offset = 0;
    const received: { size: number; opcode: number }[] = [];
    while (offset < stream.length) {
      client.decryptHeader(stream, offset, offset + 1);
      const length = serverHeaderLength(stream[offset] ?? 0);
      client.decryptHeader(stream, offset + 1, offset + length);
      const header = stream.subarray(offset, offset + length);
      const size = length === 5
        ? (((header[0] ?? 0) & 0x7f) << 16) | ((header[1] ?? 0) << 8) | (header[2] ?? 0)
        : ((header[0] ?? 0) << 8) | (header[1] ?? 0);
      received.push({ size, opcode: (header[length - 2] ?? 0) | ((header[length - 1] ?? 0) << 8) });
      offset += length;
    }
    assert.deepEqual(received, [
      { size: 0x8008, opcode: 0x1ee },
      { size: 0x08, opcode: 0x1ee },
    ]);
  });

  it("refuses a session key that is not 40 bytes", () => {
    assert.throws(
      () => WorldHeaderCipher.forServer(new Uint8Array(32)),
      (error: unknown) => isTc9Error(error) && error.code === "TC9_ERR_CRYPTO_INPUT_LENGTH",
    );
  });
});

describe("WorldHeaderCipher against wow_srp stream vectors", () => {
  it("client encrypt → server decrypt and server encrypt → client decrypt match every row", () => {
    const rows = readVectorRows("header-cipher-streams.txt", 4);
    for (const row of rows) {
      const sessionKey = hexToBytes(column(row, 0));
      const plaintext = column(row, 1).toLowerCase();
      const client = WorldHeaderCipher.forClient(sessionKey);
      const server = WorldHeaderCipher.forServer(sessionKey);
      const data = hexToBytes(plaintext);

      client.encryptHeader(data);
      assert.equal(bytesToHex(data), column(row, 2).toLowerCase(), row.join(" "));
      server.decryptHeader(data);
      assert.equal(bytesToHex(data), plaintext);
      server.encryptHeader(data);
      assert.equal(bytesToHex(data), column(row, 3).toLowerCase(), row.join(" "));
      client.decryptHeader(data);
      assert.equal(bytesToHex(data), plaintext);
    }
    assert.ok(rows.length >= 300);
  });
});

describe("Arc4", () => {
  it("matches the classic RC4 test vectors", () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    const cases = [
      ["Key", "Plaintext", "bbf316e8d940af0ad3"],
      ["Wiki", "pedia", "1021bf0420"],
      ["Secret", "Attack at dawn", "45a01f645fc35b383552544b9bf5"],
    ] as const;
    for (const [key, plaintext, ciphertext] of cases) {
      const data = ascii(plaintext);
      new Arc4(ascii(key)).apply(data);
      assert.equal(bytesToHex(data), ciphertext);
    }
  });

  it("gives the same keystream whether data arrives whole or byte by byte", () => {
    const key = Uint8Array.of(1, 2, 3, 4, 5);
    const whole = new Uint8Array(64);
    new Arc4(key, 1024).apply(whole);
    const pieces = new Uint8Array(64);
    const stream = new Arc4(key, 1024);
    for (let index = 0; index < pieces.length; index++) stream.apply(pieces, index, index + 1);
    assert.equal(bytesToHex(pieces), bytesToHex(whole));
  });
});
