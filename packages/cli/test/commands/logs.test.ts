// `tc9 logs` over the run file and node logs that `tc9 up` writes.
import assert from "node:assert/strict";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { eventually } from "@tc9/sdk/testing";
import { runCli } from "../../src/program.js";
import { nodeLogFile, writeRunState } from "../../src/run-state/index.js";
import { runInProcess, startInProcess } from "../cli-harness.js";
import { scratchProject } from "../scratch-project.js";

/** Epoch ms of 07:00:00.000 local time plus `ms`, so the printed clock does not depend on the time zone. */
const at = (ms: number): number => new Date(2026, 10, 23, 7, 0, 0, ms).getTime();
/** A record as pino writes it for a node. */
const record = (ms: number, level: number, node: string, msg: string, fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ level, time: at(ms), pid: 4242, hostname: "box", node, ...fields, msg });

const refused = {
  type: "Error",
  message: "connect ECONNREFUSED 127.0.0.1:4222",
  stack: "Error: connect ECONNREFUSED 127.0.0.1:4222\n    at TCPConnectWrap.afterConnect (node:net:1607:16)\n    at next (node:internal:1:1)",
};
const coreLines = [
  record(500, 10, "core", "zero"),
  record(1000, 30, "core", "one"),
  record(3000, 20, "core", "three"),
  "a plain line",
  record(5000, 30, "core", "five", { module: "registry", count: 3, peer: "a b", tags: ["x"] }),
];
const edgeLines = [record(2000, 40, "edge", "two", { err: refused }), record(4000, 60, "edge", "four", { module: "gateway", err: refused })];

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
    await writeFile(nodeLogFile(project.dir, "core"), coreLines.join("\n") + "\n");
    await writeFile(nodeLogFile(project.dir, "edge"), edgeLines.join("\n") + "\n");
  });
  after(async () => {
    await project.remove();
  });

  it("prints one node's last --lines lines readably: time, level name, node, msg, the other fields", async () => {
    const run = await logs("core", "--lines", "2");
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'a plain line\n07:00:05.000 INFO  core five module=registry count=3 peer="a b" tags=["x"]\n');
  });

  it("interleaves every node's lines by time; err as its message, with the first stack frame for error and fatal", async () => {
    const run = await logs();
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split("\n"), [
      "07:00:00.500 TRACE core zero",
      "07:00:01.000 INFO  core one",
      '07:00:02.000 WARN  edge two err="connect ECONNREFUSED 127.0.0.1:4222"',
      "07:00:03.000 DEBUG core three",
      "core | a plain line",
      '07:00:04.000 FATAL edge four module=gateway err="connect ECONNREFUSED 127.0.0.1:4222" at TCPConnectWrap.afterConnect (node:net:1607:16)',
      '07:00:05.000 INFO  core five module=registry count=3 peer="a b" tags=["x"]',
    ]);
  });

  it("prints the lines as they are in the files with --json, merged by time", async () => {
    const run = await logs("--json");
    assert.equal(run.code, 0, run.stderr);
    const [zero, one, three, plain, five] = coreLines;
    const [two, four] = edgeLines;
    assert.equal(run.stdout, [zero, one, two, three, plain, four, five].join("\n") + "\n");
  });

  it("colours only a terminal's output, and not when NO_COLOR is set", async () => {
    const onTerminal = async (env: Record<string, string>): Promise<string> => {
      let stdout = "";
      const code = await runCli(["logs", "edge", "--dir", project.dir], {
        stdout: { isTTY: true, write: (text: string) => (stdout += text) },
        stderr: { isTTY: true, write: () => true },
        stdin: Readable.from([]),
        env,
      });
      assert.equal(code, 0);
      return stdout;
    };
    const coloured = await onTerminal({});
    assert.match(coloured, /\u001b\[31mFATAL\u001b\[39m/);
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ""), (await logs("edge")).stdout);
    assert.doesNotMatch(await onTerminal({ NO_COLOR: "1" }), /\u001b\[/);
  });

  it("follows new lines with -f until stopped", async () => {
    const follow = startInProcess(["logs", "edge", "-f", "--lines", "1", "--dir", project.dir]);
    try {
      await eventually("the last line is printed", () => follow.output().stdout.includes(" four "));
      await appendFile(nodeLogFile(project.dir, "edge"), `${record(6000, 30, "edge", "six")}\n`);
      await eventually("the new line is printed", () => follow.output().stdout.includes(" six"));
    } finally {
      follow.stop();
    }
    const exit = await follow.exit;
    assert.equal(exit.code, 0);
    assert.ok(exit.stdout.startsWith("07:00:04.000 FATAL edge four"), exit.stdout);
    assert.ok(exit.stdout.endsWith("07:00:06.000 INFO  edge six\n"), exit.stdout);
    assert.equal(exit.stdout.split(" six").length, 2, "printed once");
  });

  it("names the known nodes for an unknown one, and says when no realm was started", async () => {
    const unknown = await logs("gateway");
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /has no node "gateway"; known nodes: core, edge \(TC9_ERR_LOGS_UNKNOWN_NODE\)/);
    const unknownJson = await logs("gateway", "--json");
    assert.equal(unknownJson.code, 1);
    assert.equal(unknownJson.stderr, "");
    assert.deepEqual(JSON.parse(unknownJson.stdout), {
      ok: false,
      error: { code: "TC9_ERR_LOGS_UNKNOWN_NODE", message: `the realm in ${project.dir} has no node "gateway"; known nodes: core, edge` },
    });
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
