/** `src/generated/` is exactly what `npm run gen -w @tc9/example-hello-cluster` makes of `proto/`. */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { it } from "node:test";
import { generateContracts, readGeneratedContracts } from "@tc9/sdk/codegen";

const contracts = {
  protoDir: fileURLToPath(new URL("../proto", import.meta.url)),
  outDir: fileURLToPath(new URL("../src/generated", import.meta.url)),
};

it("src/generated is up to date with proto/", () => {
  assert.deepEqual(
    readGeneratedContracts(contracts),
    generateContracts(contracts),
    "src/generated is stale or was edited by hand: run `npm run gen -w @tc9/example-hello-cluster`",
  );
});
