import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { runInProcess } from "./cli-harness.js";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const forbidHeavyImports = fileURLToPath(new URL("./fixtures/forbid-heavy-imports.mjs", import.meta.url));
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
    assert.match(result.stdout, /account .*\n.*\n\s+migrate .*\n[\s\S]*doctor/);
  });

  it("exits 2 on a usage error and says how to get help", () => {
    const result = tc9("--no-such-flag");
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown option/);
    assert.match(result.stderr, /tc9 --help/);
  });

  it("loads neither the SDK nor the services to print help (they load inside actions)", () => {
    const result = spawnSync(
      process.execPath,
      ["--conditions=tc9:source", "--import", "tsx", "--import", forbidHeavyImports, main, "account", "ban", "--help"],
      { encoding: "utf8" },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Usage: tc9 account ban/);
  });

  it("gives every command help with examples", async () => {
    const commands = [["account"], ["account", "create"], ["account", "password"], ["account", "gm"], ["account", "ban"], ["account", "unban"], ["migrate"], ["doctor"], []];
    for (const command of commands) {
      const run = await runInProcess([...command, "--help"]);
      assert.equal(run.code, 0, command.join(" "));
      assert.match(run.stdout, /Examples:\n {2}\$ tc9 /, command.join(" "));
    }
  });

  it("points a subcommand's usage error at that subcommand's help", async () => {
    const run = await runInProcess(["account", "gm", "alice"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /missing required argument 'level'\n\(run tc9 account gm --help for usage\)/);
  });
});
