/** @jsxRuntime automatic @jsxImportSource react */
// The `tc9 top` screen under ink-testing-library, on a real collector over a run.json: navigation,
// the filter, the log pane, and restarts confirmed against a real loopback control endpoint.
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import { eventually, freePort } from "@tc9/sdk/testing";
import { cleanup, render } from "ink-testing-library";
import { createClusterCollector, type ClusterCollector } from "../../../src/cluster-view/index.js";
import { showTop } from "../../../src/commands/top/show-top.js";
import { TopApp } from "../../../src/commands/top/top-app.js";
import { nodeLogFile, writeRunState } from "../../../src/run-state/index.js";

const DOWN = "\u001B[B";
const UP = "\u001B[A";
const ESC = "\u001B";
const ENTER = "\r";

/** A stand-in for `tc9 up`'s control endpoint: records restart requests; gamma's restart fails. */
async function startControlEndpoint(requests: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    requests.push(`${request.method} ${request.url}`);
    const failing = request.url === "/nodes/gamma/restart";
    response.writeHead(failing ? 500 : 200, { "content-type": "application/json" });
    response.end(JSON.stringify(failing ? { ok: false, error: "gamma would not start" } : { ok: true }));
  });
  await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("tc9 top screen", () => {
  let projectDir: string;
  let control: Server;
  let collector: ClusterCollector;
  const requests: string[] = [];

  before(async () => {
    projectDir = await mkdtemp(join(tmpdir(), "tc9-top-app-"));
    const endpoint = await startControlEndpoint(requests);
    control = endpoint.server;
    const closedPort = await freePort();
    await mkdir(join(projectDir, ".tc9", "logs"), { recursive: true });
    await writeFile(nodeLogFile(projectDir, "beta"), Array.from({ length: 20 }, (_, index) => `beta line ${index + 1}`).join("\n") + "\n");
    await writeRunState(projectDir, {
      version: 1,
      topology: "screen-test",
      configFile: join(projectDir, "tc9.config.ts"),
      supervisorPid: process.pid,
      controlUrl: endpoint.url,
      startedAt: new Date().toISOString(),
      nodes: ["alpha", "beta", "gamma"].map((name, index) => ({
        name,
        status: "ready" as const,
        httpUrl: `http://127.0.0.1:${closedPort}`,
        logFile: nodeLogFile(projectDir, name),
        restarts: index,
        modules: [`${name}-module`],
      })),
    });
    collector = createClusterCollector(projectDir, { timeoutMs: 500 });
  });
  afterEach(() => cleanup());
  after(async () => {
    collector.close();
    await new Promise((resolve) => control.close(resolve));
    await rm(projectDir, { recursive: true, force: true });
  });

  const start = () => {
    const screen = render(<TopApp collect={() => collector.collect()} refreshMs={100} colours={false} />);
    const shows = (what: string, pattern: RegExp) =>
      eventually(what, () => {
        const frame = screen.lastFrame() ?? "";
        return pattern.test(frame) ? frame : undefined;
      });
    return { screen, shows };
  };

  it("lists the nodes with their restarts, and moves the selection with the arrows and j/k", async () => {
    const { screen, shows } = start();
    const first = await shows("the nodes table", /› alpha/);
    assert.match(first, /Nodes \(3\)\n {2}NODE +STATUS +HEALTH .*RESTARTS/);
    assert.match(first, /\n {2}beta +ready +down +- +- +1 +- +beta-module\n/);
    assert.match(first, /\n {2}gamma +ready +down +- +- +2 +- +gamma-module\n/);
    assert.match(first, /\n {2}alpha is down: http:\/\/127\.0\.0\.1:\d+ does not answer \(ECONNREFUSED\) · log \/tmp\//);
    assert.doesNotMatch(first, /\u001b\[/, "no colours");
    screen.stdin.write(DOWN);
    await shows("beta selected, with its details", /› beta[\s\S]*\n {2}beta is down: /);
    screen.stdin.write("j");
    await shows("gamma selected", /› gamma/);
    screen.stdin.write("j");
    await shows("gamma still selected at the bottom", /› gamma/);
    screen.stdin.write("k");
    await shows("beta selected again", /› beta/);
    screen.stdin.write(UP);
    await shows("alpha selected again", /› alpha/);
  });

  it("filters every section with /, keeps the filter on Enter and clears it with Esc", async () => {
    const { screen, shows } = start();
    await shows("the nodes table", /Nodes \(3\)/);
    screen.stdin.write("/");
    await shows("the filter prompt", /filter: ▏/);
    for (const key of "gam") screen.stdin.write(key);
    const filtered = await shows("only gamma", /filter: gam▏[\s\S]*/);
    await shows("one node", /Nodes \(1\)\n.*\n› gamma/);
    assert.doesNotMatch(filtered, /beta/);
    screen.stdin.write(ENTER);
    await shows("the kept filter in the key line", /\[gam\]/);
    screen.stdin.write("r");
    await shows("the filtered node is the one selected", /restart gamma\?/);
    screen.stdin.write("n");
    await shows("cancelled", /restart of gamma cancelled/);
    screen.stdin.write(ESC);
    await shows("all nodes again", /Nodes \(3\)/);
  });

  it("opens the selected node's log with l, shows its last lines, follows new ones, and closes it", async () => {
    const { screen, shows } = start();
    await shows("the nodes table", /› alpha/);
    screen.stdin.write("j");
    await shows("beta selected", /› beta/);
    screen.stdin.write("l");
    const pane = await shows("the log pane", /beta line 20/);
    assert.match(pane, /log of beta \(.*beta\.log\)/);
    assert.match(pane, /beta line 9\b/);
    assert.doesNotMatch(pane, /beta line 8\b/, "only the last twelve lines");
    await appendFile(nodeLogFile(projectDir, "beta"), "beta line 21\n");
    await shows("the new line after a refresh", /beta line 21/);
    screen.stdin.write("l");
    await eventually("the pane closed", () => !(screen.lastFrame() ?? "").includes("log of beta"));
    screen.stdin.write("k");
    await shows("alpha selected", /› alpha/);
    screen.stdin.write("l");
    await shows("an empty log for a node that wrote nothing", /log of alpha[\s\S]*\(empty\)/);
  });

  it("restarts the selected node through the control endpoint after y, and not after another key", async () => {
    const { screen, shows } = start();
    await shows("the nodes table", /› alpha/);
    screen.stdin.write("j");
    await shows("beta selected", /› beta/);
    screen.stdin.write("r");
    await shows("the confirmation", /restart beta\? y to confirm, any other key cancels/);
    screen.stdin.write("x");
    await shows("cancelled", /restart of beta cancelled/);
    assert.deepEqual(requests, []);
    screen.stdin.write("r");
    await shows("the confirmation", /restart beta\?/);
    screen.stdin.write("y");
    await shows("done", /beta restarted/);
    assert.deepEqual(requests, ["POST /nodes/beta/restart"]);

    screen.stdin.write("j");
    await shows("gamma selected", /› gamma/);
    screen.stdin.write("r");
    await shows("the confirmation", /restart gamma\?/);
    screen.stdin.write("y");
    await shows("the refusal", /restarting gamma failed: 500 gamma would not start/);
    assert.deepEqual(requests, ["POST /nodes/beta/restart", "POST /nodes/gamma/restart"]);
  });

  it("showTop without a terminal prints one plain snapshot and returns when its signal aborts", async () => {
    let stdout = "";
    const stop = new AbortController();
    let returned = false;
    const shown = showTop({
      projectDir,
      io: { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, stdin: Readable.from([]), env: {} },
      signal: stop.signal,
    }).then(() => (returned = true));
    await eventually("the snapshot", () => (stdout.includes("gRPC latency (0)") ? true : undefined));
    assert.match(stdout, /^tc9 screen-test · [\s\S]*\n {2}gamma +ready +down +- +- +2 +- +gamma-module\n/);
    assert.equal(returned, false, "it waits for the signal");
    stop.abort();
    await shown;
    assert.equal(returned, true);
  });
});
