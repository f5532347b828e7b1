// `tc9 down` against a `tc9 up` running as its own process, and when nothing runs.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { eventually } from "@tc9/sdk/testing";
import { readRunState, writeRunState } from "../../src/run-state/index.js";
import { runInProcess } from "../cli-harness.js";
import { scratchProject } from "../scratch-project.js";

const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const config = `import { defineTopology } from "@tc9/sdk";
import { registryModule } from "@tc9/services";
export default defineTopology({ realms: [{ id: 1, name: "test" }], nodes: { registry: { modules: [registryModule] } } });
`;

const started: ChildProcess[] = [];

/** `tc9 up --no-top` as an operator runs it, in the background; resolves once the realm is up. */
async function upInBackground(projectDir: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--conditions=tc9:source", "--import", "tsx", main, "up", "--no-top"], { cwd: projectDir, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  await eventually("tc9 up says the realm is up", () => output.includes("realm is up") || child.exitCode !== null, 60_000);
  assert.match(output, /realm is up/);
  return { child, output: () => output };
}

describe("tc9 down", () => {
  let project: Awaited<ReturnType<typeof scratchProject>>;

  before(async () => {
    project = await scratchProject();
    await writeFile(join(project.dir, "tc9.config.ts"), config);
  });
  after(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await project.remove();
  });

  it("stops the realm tc9 up runs there through its control endpoint and waits until it exited", async () => {
    const up = await upInBackground(project.dir);
    const exited = once(up.child, "exit");
    const run = await runInProcess(["down", "--dir", project.dir, "--json"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as { ok: boolean; via: string; nodes: string[]; supervisorPid: number };
    assert.deepEqual([report.ok, report.via, report.nodes, report.supervisorPid], [true, "control endpoint", ["registry"], up.child.pid]);
    assert.equal(up.child.exitCode, 0, "tc9 up had exited when tc9 down returned");
    await exited;
    assert.match(up.output(), /registry stopping\n.*registry stopped\n.*realm is down/);
    const state = await readRunState(project.dir);
    assert.deepEqual(state?.nodes.map((node) => node.status), ["stopped"]);
  });

  it("falls back to SIGTERM when the control endpoint does not answer", async () => {
    const up = await upInBackground(project.dir);
    const state = await readRunState(project.dir);
    assert.ok(state);
    await writeRunState(project.dir, { ...state, controlUrl: "http://127.0.0.1:1" });
    const run = await runInProcess(["down", "--dir", project.dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /✔ realm stopped: registry \(supervisor pid \d+, asked via SIGTERM\)/);
    assert.notEqual(up.child.exitCode ?? up.child.signalCode, null);
  });

  it("exits 1 with a clear message when nothing runs in the directory", async () => {
    const stopped = await runInProcess(["down", "--dir", project.dir]);
    assert.equal(stopped.code, 1);
    assert.match(stopped.stderr, /nothing runs in .*: the realm tc9 up started there \(pid \d+\) has stopped \(TC9_ERR_NOT_RUNNING\)/);
    const empty = await scratchProject();
    try {
      const never = await runInProcess(["down", "--dir", empty.dir, "--json"]);
      assert.equal(never.code, 1);
      const report = JSON.parse(never.stdout) as { ok: boolean; error: { code: string; message: string } };
      assert.equal(report.error.code, "TC9_ERR_NOT_RUNNING");
      assert.match(report.error.message, /there is no .*run\.json; start a realm there with tc9 up/);
    } finally {
      await empty.remove();
    }
  });
});
