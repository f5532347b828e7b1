/**
 * Every message of every .proto (the v1 contracts and the kitchen-sink fixture) against
 * protobufjs reflection of the same file: generated encode → reflection decode, reflection
 * encode → generated decode, and the empty message both ways.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import protobuf from "protobufjs";
import { TEST_FIXTURE_CONTRACTS, V1_CONTRACTS } from "../../scripts/gen-contracts.js";
import * as v1 from "../../src/contracts/generated/index.js";
import * as fixture from "./fixtures/generated/index.js";
import { loadCatalog, type CatalogEntry } from "./support/contract-catalog.js";
import { Prng, sampleMessage, toPlain } from "./support/sample-messages.js";

const TO_OBJECT = { longs: String, bytes: String } as const;
const SAMPLES_PER_TYPE = 3;

const catalogs: [string, CatalogEntry[]][] = [
  ["v1 contracts", loadCatalog(V1_CONTRACTS, v1)],
  ["kitchen-sink fixture", loadCatalog(TEST_FIXTURE_CONTRACTS, fixture)],
];

for (const [name, catalog] of catalogs) {
  describe(`wire compatibility with protobufjs reflection: ${name} (${catalog.length} messages)`, () => {
    it("covers every message declared in the .proto files", () => {
      assert.ok(catalog.length > 0, "no messages found");
      for (const entry of catalog) assert.equal(entry.generated.typeName, entry.typeName);
    });

    it("generated encode → reflection decode gives the same field values", () => {
      for (const { reflection, generated, typeName } of catalog) {
        for (let seed = 1; seed <= SAMPLES_PER_TYPE; seed++) {
          const sample = generated.create(sampleMessage(reflection, new Prng(seed * 7919)));
          const decoded = reflection.toObject(reflection.decode(generated.encode(sample)), TO_OBJECT);
          assert.deepStrictEqual(decoded, toPlain(reflection, sample), `${typeName}, seed ${seed}`);
        }
      }
    });

    it("reflection encode → generated decode gives the same message", () => {
      for (const { reflection, generated, typeName } of catalog) {
        for (let seed = 1; seed <= SAMPLES_PER_TYPE; seed++) {
          const sample = generated.create(sampleMessage(reflection, new Prng(seed * 104_729)));
          const bytes = reflection.encode(reflection.fromObject(toPlain(reflection, sample))).finish();
          assert.deepStrictEqual(generated.decode(bytes), sample, `${typeName}, seed ${seed}`);
        }
      }
    });

    it("writes the same bytes as protobufjs for messages without maps (field-number order)", () => {
      for (const { reflection, generated, typeName } of catalog.filter((entry) => !reachesMap(entry.reflection))) {
        const sample = generated.create(sampleMessage(reflection, new Prng(271)));
        const reflected = reflection.encode(reflection.fromObject(toPlain(reflection, sample))).finish();
        const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
        assert.equal(hex(generated.encode(sample)), hex(reflected), typeName);
      }
    });

    it("generated encode → generated decode round-trips, and create() copies", () => {
      for (const { reflection, generated, typeName } of catalog) {
        const sample = generated.create(sampleMessage(reflection, new Prng(31)));
        assert.deepStrictEqual(generated.decode(generated.encode(sample)), sample, typeName);
        assert.deepStrictEqual(generated.create(sample), sample, typeName);
      }
    });

    it("empty messages encode to no bytes and decode to proto3 defaults both ways", () => {
      for (const { reflection, generated, typeName } of catalog) {
        const empty = generated.create();
        assert.equal(generated.encode(empty).length, 0, typeName);
        const reflectedEmpty = reflection.toObject(reflection.decode(generated.encode(empty)), TO_OBJECT);
        assert.deepStrictEqual(reflectedEmpty, {}, typeName);
        const reflected = reflection.encode(reflection.create()).finish();
        assert.deepStrictEqual(generated.decode(reflected), empty, typeName);
        assert.deepStrictEqual(generated.decode(new Uint8Array(0)), empty, typeName);
      }
    });
  });
}

/** Whether `type` or any message it contains has a map field (map entry order is not canonical). */
function reachesMap(type: protobuf.Type, seen = new Set<protobuf.Type>()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  return type.fieldsArray.some(
    (field) =>
      field instanceof protobuf.MapField ||
      (field.resolvedType instanceof protobuf.Type && reachesMap(field.resolvedType, seen)),
  );
}
