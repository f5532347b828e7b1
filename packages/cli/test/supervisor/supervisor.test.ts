// `tc9 up` supervising a real two-node topology, each node a child process: dependency order,
// readiness, per-node log files, restart after kill -9 (counted in run.json), reverse stop order.
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createScratchDatabase, eventually, freePort, type ScratchDatabase } from "@tc9/sdk/testing";
import { readRunState, type RunState } from "../../src/run-state/index.js";
import { startInProcess, type RunningCli } from "../cli-harness.js";
import { scratchProject } from "../scratch-project.js";
import { twoNodeConfig } from "./two-node-config.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The `time` of the last JSON line of `file` whose msg is `message`. */
async function loggedAt(file: string, message: string): Promise<number> {
  const line = (await readFile(file, "utf8")).split("\n").findLast((text) => text.includes(`"msg":"${message}"`));
  assert.ok(line, `${file} has a "${message}" line`);
  return (JSON.parse(line) as { time: number }).time;
}

describe("tc9 up on a two-node topology (child processes)", () => {
  let characters: ScratchDatabase;
  let project: Awaited<ReturnType<typeof scratchProject>>;
  let registryPort: number;
  let realm: RunningCli;
  const state = async (): Promise<RunState> => {
    const current = await readRunState(project.dir);
    assert.ok(current, "run.json exists");
    return current;
  };
  const node = (current: RunState, name: string) => {
    const found = current.nodes.find((candidate) => candidate.name === name);
    assert.ok(found, `run.json has node ${name}`);
    return found;
  };

  before(async () => {
    characters = await createScratchDatabase();
    project = await scratchProject();
    registryPort = await freePort();
    const config = join(project.dir, "tc9.config.ts");
    await writeFile(config, twoNodeConfig(characters.url, registryPort));
    realm = startInProcess(["up", "--config", config, "--no-top"]);
    await eventually("the realm is up", () => realm.output().stdout.includes("realm is up") || realm.output().stderr !== "", 60_000);
    assert.equal(realm.output().stderr, "");
  });
  after(async () => {
    realm.stop();
    await realm.exit;
    await characters.drop();
    await project.remove();
  });

  it("starts the registry before the world node that needs it, each in its own process, ready, in run.json", async () => {
    const current = await state();
    assert.deepEqual(current.nodes.map((entry) => entry.name), ["registry", "world"]);
    assert.equal(current.supervisorPid, process.pid);
    const pids = current.nodes.map((entry) => entry.pid ?? 0);
    assert.ok(pids.every((pid) => pid !== process.pid && alive(pid)), "each node runs in a child process");
    assert.notEqual(pids[0], pids[1]);
    assert.equal(node(current, "registry").grpcAddress, `127.0.0.1:${registryPort}`);
    for (const entry of current.nodes) {
      assert.equal(entry.status, "ready");
      assert.equal(entry.restarts, 0);
      const response = await fetch(`${entry.httpUrl ?? ""}/readyz`);
      assert.equal(response.status, 200, `${entry.name} is ready`);
    }
    const output = realm.output().stdout;
    assert.ok(output.indexOf("registry ready") < output.indexOf("world starting"), output);
    assert.match(output, /worldservers\s+1 simulated: 127\.0\.0\.1:\d+\s+\(node world\)/);
  });

  it("appends each node's output to .tc9/logs/<node>.log", async () => {
    const current = await state();
    assert.equal(node(current, "world").logFile, join(project.dir, ".tc9", "logs", "world.log"));
    for (const name of ["registry", "world"]) {
      const text = await readFile(join(project.dir, ".tc9", "logs", `${name}.log`), "utf8");
      assert.match(text, new RegExp(`"node":"${name}".*"msg":"node started"`));
    }
    assert.ok((await loggedAt(node(current, "registry").logFile, "node started")) <= (await loggedAt(node(current, "world").logFile, "node started")));
  });

  it("restarts a node killed with kill -9 and counts the restart in run.json", async () => {
    const killed = node(await state(), "world").pid ?? 0;
    process.kill(killed, "SIGKILL");
    const restarted = await eventually(
      "the world node is ready again",
      async () => {
        const world = node(await state(), "world");
        return world.status === "ready" && world.pid !== killed ? world : undefined;
      },
      30_000,
    );
    assert.equal(restarted.restarts, 1);
    assert.equal(restarted.lastExit, "SIGKILL");
    assert.equal(node(await state(), "registry").restarts, 0);
    assert.match(realm.output().stdout, /world exited \(SIGKILL\); restarting, restart 1/);
  });

  it("restarts a node on POST /nodes/<name>/restart to the control endpoint", async () => {
    const current = await state();
    const before = node(current, "registry").pid;
    const response = await fetch(`${current.controlUrl ?? ""}/nodes/registry/restart`, { method: "POST" });
    assert.equal(response.status, 200);
    const registry = await eventually("the registry is ready again", async () => {
      const entry = node(await state(), "registry");
      return entry.status === "ready" && entry.pid !== before ? entry : undefined;
    }, 30_000);
    assert.equal(registry.restarts, 1);
    const unknown = await fetch(`${current.controlUrl ?? ""}/nodes/nope/restart`, { method: "POST" });
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /known nodes: registry, world/);
  });

  it("stops in reverse start order on Ctrl-C: the world node first, then the registry", async () => {
    const pids = (await state()).nodes.map((entry) => entry.pid ?? 0);
    realm.stop();
    const exit = await realm.exit;
    assert.equal(exit.code, 0, exit.stderr);
    assert.ok(exit.stdout.indexOf("world stopped") < exit.stdout.indexOf("registry stopping"), exit.stdout);
    const current = await state();
    assert.deepEqual(current.nodes.map((entry) => entry.status), ["stopped", "stopped"]);
    assert.ok(pids.every((pid) => !alive(pid)), "no node outlives tc9 up");
    const worldStopped = await loggedAt(node(current, "world").logFile, "node stopped");
    assert.ok(worldStopped <= (await loggedAt(node(current, "registry").logFile, "node stopped")));
  });
});
