import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const tc9 = (...args: string[]) =>
  spawnSync(process.execPath, ["--conditions=tc9:source", "--import", "tsx", main, ...args], { encoding: "utf8" });

describe("tc9", () => {
  it("prints its version", () => {
    const result = tc9("--version");
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), "0.1.0");
  });

  it("prints help with exit code 0", () => {
    const result = tc9("--help");
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: tc9/);
  });

  it("exits 2 on a usage error and says how to get help", () => {
    const result = tc9("--no-such-flag");
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown option/);
    assert.match(result.stderr, /tc9 --help/);
  });
});
