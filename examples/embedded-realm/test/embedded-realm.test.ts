/**
 * Runs `src/main.ts` as a newcomer would (on scratch database names and free ports), plays the
 * smoke flow of `src/smoke.ts` through it — in this process and as its own command — and stops it
 * with Ctrl-C (SIGINT).
 */
import assert from "node:assert/strict";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { Database } from "@tc9/sdk";
import { testServerUrl } from "@tc9/sdk/testing";
import { runSmoke } from "../src/smoke.js";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const SMOKE = fileURLToPath(new URL("../src/smoke.ts", import.meta.url));
const NODE_ARGS = ["--conditions=tc9:source", "--import", "tsx"];
const stem = `tc9_test_${process.pid}_${randomBytes(4).toString("hex")}`;
const databases = { auth: `${stem}_auth`, characters: `${stem}_characters`, world: `${stem}_world` };

async function dropDatabases(): Promise<void> {
  const url = new URL(testServerUrl());
  url.pathname = "/information_schema";
  const server = new Database({ url: url.toString(), poolSize: 1 });
  try {
    for (const name of Object.values(databases)) await server.execute(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await server.close();
  }
}

/** Resolves with everything the child printed once its stdout contains `marker`; rejects if it exits first. */
function waitForOutput(child: ChildProcess, marker: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`no "${marker}" within ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(marker)) {
        clearTimeout(timer);
        resolve(stdout);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`main.ts exited with ${code} before "${marker}":\n${stdout}\n${stderr}`));
    });
  });
}

function portOf(output: string, label: string): number {
  const match = new RegExp(`${label}\\s+127\\.0\\.0\\.1:(\\d+)`).exec(output);
  assert.ok(match?.[1], `no ${label} address in:\n${output}`);
  return Number(match[1]);
}

describe("examples/embedded-realm", () => {
  let realm: ChildProcess;
  let startup: string;
  let authPort: number;
  let gatewayPort: number;

  before(async () => {
    realm = spawn(
      process.execPath,
      [
        ...NODE_ARGS, MAIN,
        "--mysql-url", testServerUrl(),
        "--auth-database", databases.auth, "--characters-database", databases.characters, "--world-database", databases.world,
        "--auth-port", "0", "--gateway-port", "0",
        "--account", "smoke:secret",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    startup = await waitForOutput(realm, "Press Ctrl-C to stop.", 60_000);
    authPort = portOf(startup, "auth \\(logon\\)");
    gatewayPort = portOf(startup, "gateway \\(world\\)");
  });

  after(async () => {
    if (realm.exitCode === null && realm.signalCode === null) {
      realm.kill("SIGKILL");
      await once(realm, "exit");
    }
    await dropDatabases();
  });

  it("says where the realm listens and how to point a client at it", () => {
    assert.match(startup, /tc9 embedded realm "tc9" \(realm 1\) is running/);
    assert.match(startup, new RegExp(`advertised as 127\\.0\\.0\\.1:${gatewayPort}`));
    assert.match(startup, /account {10}smoke \(created\)/);
    assert.match(startup, /^ {2}set realmlist 127\.0\.0\.1$/m);
  });

  it("takes a headless client through logon, a new character, the world, chat, logout and back to the saved position", async () => {
    const steps: string[] = [];
    const report = await runSmoke({
      auth: { host: "127.0.0.1", port: authPort },
      username: "smoke",
      password: "secret",
      characterName: "Smoky",
      timeoutMs: 5_000,
      progress: (line) => steps.push(line),
    });
    assert.deepEqual([report.realm.id, report.realm.name, report.realm.address], [1, "tc9", `127.0.0.1:${gatewayPort}`]);
    assert.equal(report.created, true);
    assert.deepEqual([report.enteredAt.map, report.enteredAt.position.x.toFixed(2)], [0, "-8949.95"], "a human warrior starts at Northshire Abbey");
    assert.equal(report.heard, "hello from Smoky");
    assert.equal(report.leftAt.position.x.toFixed(2), "-8939.95");
    assert.deepEqual(report.listedAt, { map: report.leftAt.map, ...report.leftAt.position }, "the character list shows where it logged out");
    assert.deepEqual(report.reenteredAt, report.leftAt, "the next login starts where it logged out");
    assert.equal(steps.length, 10, steps.join("\n"));
  });

  it("runs as its own command against the running realm", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...NODE_ARGS, SMOKE, "--auth", `127.0.0.1:${authPort}`, "--account", "smoke:secret", "--character", "Smoky"],
      { timeout: 30_000 },
    );
    assert.match(stdout, /^character Smoky exists \(guid \d+\)$/m);
    assert.match(stdout, /^smoke test passed$/m);
  });

  it("stops on Ctrl-C and exits with code 0", async () => {
    let stdout = "";
    realm.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = once(realm, "exit");
    realm.kill("SIGINT");
    const [code] = await exited;
    assert.equal(code, 0);
    assert.match(stdout, /SIGINT: stopping the realm[\s\S]*realm stopped/);
  });
});
