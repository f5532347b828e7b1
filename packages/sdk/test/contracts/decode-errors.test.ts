/**
 * Decoding malformed bytes never crashes with anything but a `ContractDecodeError` naming the
 * type: truncations of every message of every contract, hand-made invalid encodings, random
 * garbage and absurd nesting.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TEST_FIXTURE_CONTRACTS, V1_CONTRACTS } from "../../scripts/gen-contracts.js";
import type { MessageType } from "../../src/contracts/contract.js";
import { ContractDecodeError } from "../../src/contracts/errors.js";
import * as v1 from "../../src/contracts/generated/index.js";
import { Tc9Error } from "../../src/errors.js";
import { Character, Nothing, Scalars, Tree } from "./fixtures/generated/index.js";
import * as fixture from "./fixtures/generated/index.js";
import { loadCatalog } from "./support/contract-catalog.js";
import { Prng, sampleMessage } from "./support/sample-messages.js";

const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replaceAll(" ", ""), "hex"));

/** A type that can be asked to decode, generated or as the catalog sees it. */
type Decoder = Pick<MessageType<object>, "typeName" | "decode">;

/** Decodes `bytes`; passes when that succeeds or fails with a ContractDecodeError for `type`. */
function decodeOrDecodeError(type: Decoder, bytes: Uint8Array, context: string): boolean {
  try {
    type.decode(bytes);
    return true;
  } catch (error) {
    assert.ok(error instanceof ContractDecodeError, `${context}: threw ${String(error)}`);
    assert.equal(error.typeName, type.typeName, context);
    return false;
  }
}

function assertDecodeError(type: Decoder, bytes: Uint8Array, reason: RegExp): void {
  assert.throws(
    () => type.decode(bytes),
    (error: unknown) => {
      assert.ok(error instanceof ContractDecodeError, `threw ${String(error)}`);
      assert.ok(error instanceof Tc9Error);
      assert.equal(error.code, "TC9_ERR_CONTRACT_DECODE");
      assert.equal(error.name, "ContractDecodeError");
      assert.equal(error.typeName, type.typeName);
      assert.match(error.message, new RegExp(`^Cannot decode ${type.typeName.replaceAll(".", "\\.")}: `));
      assert.match(error.message, reason);
      assert.ok(error.cause instanceof Error);
      return true;
    },
  );
}

describe("decoding malformed bytes", () => {
  it("every truncation of every message either decodes or throws ContractDecodeError", () => {
    const catalog = [...loadCatalog(V1_CONTRACTS, v1), ...loadCatalog(TEST_FIXTURE_CONTRACTS, fixture)];
    let failures = 0;
    for (const { reflection, generated, typeName } of catalog) {
      const bytes = generated.encode(generated.create(sampleMessage(reflection, new Prng(17))));
      for (let length = 0; length < bytes.length; length++) {
        if (!decodeOrDecodeError(generated, bytes.subarray(0, length), `${typeName} cut at ${length}`)) failures++;
      }
    }
    assert.ok(failures > 1000, `only ${failures} truncations were rejected`);
  });

  it("random garbage either decodes or throws ContractDecodeError", () => {
    const prng = new Prng(2024);
    for (let round = 0; round < 3000; round++) {
      const garbage = Uint8Array.from({ length: 1 + prng.below(40) }, () => prng.below(256));
      for (const type of [Scalars, Character, Tree, Nothing]) {
        decodeOrDecodeError(type, garbage, `${type.typeName} round ${round}`);
      }
    }
  });

  const invalid: [string, string, RegExp][] = [
    ["a varint cut short", "08 96", /past the end/],
    ["a varint longer than ten bytes", "08 ff ff ff ff ff ff ff ff ff ff 01", /longer than 10 bytes/],
    ["a length past the end", "1a 05 6162", /out of range/],
    ["field number 0", "00 01", /field number 0/],
    ["wire type 6", "0e", /wire type 6/],
    ["wire type 7", "0f", /wire type 7/],
    ["an end-group tag without a group", "0c", /wire type 4/],
    ["a nested message overrunning its length", "42 01 08 05", /overruns/],
    ["a packed run overrunning its length", "3a 01 96 01", /overruns/],
  ];
  for (const [name, bytes, reason] of invalid) {
    it(`rejects ${name}`, () => {
      assertDecodeError(Character, fromHex(bytes), reason);
    });
  }

  it("rejects input that is not a Uint8Array", () => {
    assertDecodeError(Nothing, "not bytes" as unknown as Uint8Array, /illegal buffer/);
  });

  it("turns absurdly deep nesting into a ContractDecodeError, not a crash", () => {
    // Tree.children (field 2) nested 200 000 deep: each level wraps the previous one.
    const levels = 200_000;
    const sizes: number[] = [0];
    for (let level = 1; level <= levels; level++) {
      const inner = sizes[level - 1] ?? 0;
      sizes.push(1 + varintLength(inner) + inner);
    }
    const bytes = new Uint8Array(sizes[levels] ?? 0);
    let position = 0;
    for (let level = levels; level >= 1; level--) {
      const inner = sizes[level - 1] ?? 0;
      bytes[position++] = 0x12;
      for (let rest = inner; ; rest = Math.floor(rest / 128)) {
        bytes[position++] = rest >= 128 ? (rest % 128) | 0x80 : rest;
        if (rest < 128) break;
      }
    }
    assertDecodeError(Tree, bytes, /call stack/);
  });
});

function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 128; rest = Math.floor(rest / 128)) length++;
  return length;
}
