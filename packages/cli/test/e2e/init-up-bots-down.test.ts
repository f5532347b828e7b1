// The operator's whole path from packed tarballs, as `npm pack` + `npm install` deliver tc9:
// tc9 init → npm install → tc9 up (background) → tc9 bots → tc9 down, then the run file and logs.
// Needs the packages built (`npx tsc -b`, which `npm test` runs first). npm install takes ~7 s.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { eventually, testServerUrl } from "@tc9/sdk/testing";
import { readRunState } from "../../src/run-state/index.js";
import { runInProcess } from "../cli-harness.js";
import { dropRealmDatabases, testDatabaseUrl, uniqueRealmDatabaseNames } from "../realm-databases.js";

const repositoryDir = fileURLToPath(new URL("../../../../", import.meta.url));

interface Finished {
  readonly code: number | null;
  readonly output: string;
}

/** Runs a command to its end, its stdout and stderr together. */
function run(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<Finished> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

describe("tc9 from tarballs: init, install, up, bots, down", () => {
  const names = uniqueRealmDatabaseNames();
  let root: string;
  let project: string;
  let up: ChildProcess | undefined;
  let upOutput = "";
  const tc9 = (...args: string[]) => run(process.execPath, [join(project, "node_modules", "tc9", "bin", "tc9.js"), ...args], { cwd: project });

  before(async () => {
    for (const pkg of ["sdk", "services", "cli"]) {
      assert.ok(existsSync(join(repositoryDir, "packages", pkg, "dist", "index.js")), `packages/${pkg}/dist is missing; run npx tsc -b first`);
    }
    root = await mkdtemp(join(tmpdir(), "tc9-e2e-"));
    project = join(root, "realm");
    await mkdir(join(root, "tarballs"));
  });
  after(async () => {
    if (up !== undefined && up.exitCode === null && up.signalCode === null) up.kill("SIGKILL");
    await dropRealmDatabases(names);
    await rm(root, { recursive: true, force: true });
  });

  it("packs, scaffolds and installs a project that depends on the tarballs", async () => {
    const pack = await run("npm", ["pack", "-w", "@tc9/sdk", "-w", "@tc9/services", "-w", "tc9", "--pack-destination", join(root, "tarballs")], { cwd: repositoryDir });
    assert.equal(pack.code, 0, pack.output);
    const init = await runInProcess(["init", project, "--yes", "--tc9-from", join(root, "tarballs"), "--realm-name", "E2E"]);
    assert.equal(init.code, 0, init.stderr);
    const install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: project });
    assert.equal(install.code, 0, install.output);
    assert.ok(existsSync(join(project, "node_modules", "@tc9", "sdk", "migrations", "characters")), "the sdk ships tc9's migrations");
  });

  it("starts the realm with tc9 up, plays three bots through it, and stops it with tc9 down", async () => {
    up = spawn(process.execPath, [join(project, "node_modules", "tc9", "bin", "tc9.js"), "up", "--no-top", "--account", "bot1:botpass"], {
      cwd: project,
      env: {
        ...process.env,
        TC9_MYSQL_URL: testServerUrl(),
        TC9_AUTH_DATABASE: names.authDatabase,
        TC9_CHARACTERS_DATABASE: names.charactersDatabase,
        TC9_WORLD_DATABASE: names.worldDatabase,
        TC9_AUTH_PORT: "0",
        TC9_GATEWAY_PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    up.stdout?.setEncoding("utf8").on("data", (chunk: string) => (upOutput += chunk));
    up.stderr?.setEncoding("utf8").on("data", (chunk: string) => (upOutput += chunk));
    const child = up;
    await eventually("tc9 up says the realm is up", () => upOutput.includes("realm is up") || child.exitCode !== null, 60_000);
    assert.match(upOutput, /✔ account bot1 created\n✔ realm is up/);
    const auth = /auth \(logon\)\s+127\.0\.0\.1:(\d+)/.exec(upOutput)?.[1];
    assert.ok(auth, upOutput);
    assert.match(upOutput, /worldservers\s+2 simulated/);

    const bots = await tc9("bots", "--auth", `127.0.0.1:${auth}`, "--count", "3", "--accounts", "bot", "--password", "botpass", "--create-accounts", "--auth-db", testDatabaseUrl(names.authDatabase), "--json");
    assert.equal(bots.code, 0, bots.output);
    const report = JSON.parse(bots.output.slice(bots.output.indexOf("{"))) as { succeeded: number; failed: number };
    assert.deepEqual([report.succeeded, report.failed], [3, 0]);

    const down = await tc9("down");
    assert.equal(down.code, 0, down.output);
    assert.match(down.output, /✔ realm stopped: realm/);
    assert.notEqual(child.exitCode, null, "tc9 up exited before tc9 down returned");
    assert.equal(child.exitCode, 0, upOutput);

    const state = await readRunState(project);
    assert.deepEqual(state?.nodes.map((node) => [node.name, node.status, node.restarts]), [["realm", "stopped", 0]]);
    const log = await readFile(join(project, ".tc9", "logs", "realm.log"), "utf8");
    assert.match(log, /"msg":"simulated worldservers registered"[\s\S]*"msg":"node started"[\s\S]*"msg":"node stopped"/);
  });
});
