// `tc9 logs` over the run file and node logs that `tc9 up` writes.
import assert from "node:assert/strict";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { after, before, describe, it } from "node:test";
import { eventually } from "@tc9/sdk/testing";
import { nodeLogFile, writeRunState } from "../../src/run-state/index.js";
import { runInProcess, startInProcess } from "../cli-harness.js";
import { scratchProject } from "../scratch-project.js";

const line = (time: number, node: string, msg: string) => JSON.stringify({ level: 30, time, node, msg });

describe("tc9 logs", () => {
  let project: Awaited<ReturnType<typeof scratchProject>>;
  const logs = (...argv: string[]) => runInProcess(["logs", "--dir", project.dir, ...argv]);

  before(async () => {
    project = await scratchProject();
    const node = (name: string) => ({ name, status: "ready" as const, logFile: nodeLogFile(project.dir, name), restarts: 0, modules: [] });
    await writeRunState(project.dir, {
      version: 1,
      topology: "test",
      configFile: `${project.dir}/tc9.config.ts`,
      supervisorPid: process.pid,
      startedAt: new Date(0).toISOString(),
      nodes: [node("core"), node("edge")],
    });
    await mkdir(dirname(nodeLogFile(project.dir, "core")), { recursive: true });
    await writeFile(nodeLogFile(project.dir, "core"), [line(1000, "core", "one"), line(3000, "core", "three"), "a plain line", line(5000, "core", "five")].join("\n") + "\n");
    await writeFile(nodeLogFile(project.dir, "edge"), [line(2000, "edge", "two"), line(4000, "edge", "four")].join("\n") + "\n");
  });
  after(async () => {
    await project.remove();
  });

  it("prints one node's log, its last --lines lines", async () => {
    const run = await logs("core", "--lines", "2");
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `a plain line\n${line(5000, "core", "five")}\n`);
  });

  it("interleaves every node's lines by time, each prefixed with the node name", async () => {
    const run = await logs();
    assert.equal(run.code, 0, run.stderr);
    const messages = run.stdout.trimEnd().split("\n").map((text) => `${text.split(" | ")[0]}:${/"msg":"(\w+)"/.exec(text)?.[1] ?? text.split(" | ")[1]}`);
    assert.deepEqual(messages, ["core:one", "edge:two", "core:three", "core:a plain line", "edge:four", "core:five"]);
  });

  it("follows new lines with -f until stopped", async () => {
    const follow = startInProcess(["logs", "edge", "-f", "--lines", "1", "--dir", project.dir]);
    try {
      await appendFile(nodeLogFile(project.dir, "edge"), `${line(6000, "edge", "six")}\n`);
      await eventually("the new line is printed", () => follow.output().stdout.includes('"msg":"six"'));
    } finally {
      follow.stop();
    }
    const exit = await follow.exit;
    assert.equal(exit.code, 0);
    assert.ok(exit.stdout.endsWith(`${line(6000, "edge", "six")}\n`), exit.stdout);
    assert.equal(exit.stdout.split('"msg":"six"').length, 2, "printed once");
  });

  it("names the known nodes for an unknown one, and says when no realm was started", async () => {
    const unknown = await logs("gateway");
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /has no node "gateway"; known nodes: core, edge \(TC9_ERR_LOGS_UNKNOWN_NODE\)/);
    const empty = await scratchProject();
    try {
      const none = await runInProcess(["logs", "--dir", empty.dir]);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /no realm was started in .*; run tc9 up there/);
    } finally {
      await empty.remove();
    }
  });
});
