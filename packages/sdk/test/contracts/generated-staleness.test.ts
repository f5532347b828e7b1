/** The generated contract code on disk is exactly what the generator produces from the .proto files now. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  GENERATION_TARGETS,
  generateContracts,
  readGeneratedContracts,
} from "../../scripts/gen-contracts.js";

describe("generated contract code", () => {
  for (const target of GENERATION_TARGETS) {
    it(`${target.outDir} is up to date with ${target.protoDir}`, () => {
      const fix = "run `npm run gen -w @tc9/sdk` and commit the result";
      const expected = generateContracts(target);
      const onDisk = readGeneratedContracts(target);
      assert.deepEqual(
        onDisk.map((file) => file.name),
        expected.map((file) => file.name).sort(),
        `the generated files in ${target.outDir} do not match the .proto files in ${target.protoDir}: ${fix}`,
      );
      for (const file of expected) {
        const current = onDisk.find((candidate) => candidate.name === file.name);
        assert.ok(
          current?.contents === file.contents,
          `${target.outDir}/${file.name} is stale or was edited by hand: ${fix}`,
        );
      }
    });
  }

  it("is deterministic", () => {
    for (const target of GENERATION_TARGETS) {
      assert.deepEqual(generateContracts(target), generateContracts(target));
    }
  });
});
