import assert from "node:assert/strict";
import type { Server } from "node:net";
import { networkInterfaces } from "node:os";
import { after, before, describe, it } from "node:test";
import { createScratchDatabase, fixturesAvailable, type ScratchDatabase } from "@tc9/sdk/testing";
import { runInProcess, spawnCli } from "../cli-harness.js";
import { closeServer, freePort, listenOn, natsServerInstalled, startNatsWithoutJetStream } from "../net-helpers.js";

const SHARED_NATS_URL = "nats://127.0.0.1:4222";

interface Check {
  check: string;
  subject: string;
  status: "ok" | "warn" | "fail" | "skip";
  message: string;
  fix?: string;
}
interface Report {
  ok: boolean;
  checks: Check[];
}

async function doctor(...argv: string[]): Promise<{ code: number | null; report: Report }> {
  const run = await runInProcess(["doctor", "--json", "--timeout", "1000", ...argv]);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const statuses = (report: Report) => report.checks.map((check) => `${check.check}: ${check.status}`);
const hasNonLoopbackAddress = Object.values(networkInterfaces())
  .flat()
  .some((entry) => entry !== undefined && !entry.internal && !entry.address.toLowerCase().startsWith("fe80"));

describe("tc9 doctor", () => {
  let auth: ScratchDatabase;
  let characters: ScratchDatabase;
  let empty: ScratchDatabase;
  const listeners: Server[] = [];

  before(async () => {
    [auth, characters, empty] = await Promise.all([
      createScratchDatabase({ schema: "auth" }),
      createScratchDatabase({ schema: "characters", ...(fixturesAvailable() ? { source: "azerothcore-fixtures" as const } : {}) }),
      createScratchDatabase(),
    ]);
  });
  after(async () => {
    await Promise.all([auth?.drop(), characters?.drop(), empty?.drop(), ...listeners.map((server) => closeServer(server))]);
  });

  it("passes databases with AzerothCore's schema and NATS with JetStream", async () => {
    const { code, report } = await doctor("--auth-db", auth.url, "--characters-db", characters.url, "--nats", SHARED_NATS_URL);
    assert.equal(code, 0, JSON.stringify(report, null, 2));
    assert.equal(report.ok, true);
    assert.deepEqual(statuses(report), [
      "auth database: ok",
      "auth schema: ok",
      "auth migrations: ok",
      "characters database: ok",
      "characters schema: ok",
      "characters migrations: ok",
      "NATS: ok",
      "ports: skip",
      "worldserver: skip",
    ]);
    assert.match(report.checks[6]?.message ?? "", /JetStream enabled/);
  });

  it("fails a database without AzerothCore's tables and names them", async () => {
    const { code, report } = await doctor("--auth-db", empty.url);
    assert.equal(code, 1);
    const schema = report.checks.find((check) => check.check === "auth schema");
    assert.equal(schema?.status, "fail");
    assert.match(schema?.message ?? "", /missing: account, account_access, account_banned/);
    assert.match(schema?.fix ?? "", /db_auth/);
  });

  it("fails an unreachable database and an unreachable NATS, each with a fix", async () => {
    const port = await freePort();
    const { code, report } = await doctor("--characters-db", `mysql://root@127.0.0.1:${port}/acore_characters`, "--nats", `nats://127.0.0.1:${port}`);
    assert.equal(code, 1);
    const database = report.checks.find((check) => check.check === "characters database");
    assert.equal(database?.status, "fail");
    assert.match(database?.fix ?? "", /--characters-db/);
    const nats = report.checks.find((check) => check.check === "NATS");
    assert.equal(nats?.status, "fail");
    assert.match(nats?.message ?? "", /not reachable .*ECONNREFUSED/);
  });

  it("fails a NATS server without JetStream", { skip: !natsServerInstalled() && "nats-server is not installed" }, async () => {
    const nats = await startNatsWithoutJetStream();
    try {
      const { code, report } = await doctor("--nats", nats.url);
      assert.equal(code, 1);
      const check = report.checks.find((item) => item.check === "NATS");
      assert.equal(check?.status, "fail");
      assert.match(check?.message ?? "", /JetStream is off/);
      assert.match(check?.fix ?? "", /-js/);
    } finally {
      await nats.stop();
    }
  });

  it("checks that ports are free on 0.0.0.0", async () => {
    const taken = await listenOn("0.0.0.0");
    listeners.push(taken.server);
    const free = await freePort();
    const { code, report } = await doctor("--ports", `${free},${taken.port}`);
    assert.equal(code, 1);
    const ports = report.checks.filter((check) => check.check === "port");
    assert.deepEqual(ports.map((check) => [check.subject, check.status]), [
      [`0.0.0.0:${free}`, "ok"],
      [`0.0.0.0:${taken.port}`, "fail"],
    ]);
    assert.match(ports[1]?.fix ?? "", new RegExp(`ss -ltnp 'sport = :${taken.port}'`));
  });

  it("passes a worldserver that listens on loopback only, and fails one that does not answer", async () => {
    const loopback = await listenOn("127.0.0.1");
    listeners.push(loopback.server);
    const silent = await freePort();
    const { code, report } = await doctor("--worldserver", `127.0.0.1:${loopback.port}`, "--worldserver", `127.0.0.1:${silent}`);
    assert.equal(code, 1);
    assert.deepEqual(statuses(report).slice(-4), [
      "worldserver: ok",
      "worldserver exposure: ok",
      "worldserver: fail",
      "worldserver exposure: ok",
    ]);
  });

  it("warns loudly, without failing, when a worldserver port answers on a non-loopback address", { skip: !hasNonLoopbackAddress && "this machine has no non-loopback address" }, async () => {
    const exposed = await listenOn("0.0.0.0");
    listeners.push(exposed.server);
    const { code, report } = await doctor("--worldserver", `localhost:${exposed.port}`);
    assert.equal(code, 0);
    const warning = report.checks.find((check) => check.check === "worldserver exposure");
    assert.equal(warning?.status, "warn");
    assert.match(warning?.message ?? "", /trusts every connection/);
    assert.match(warning?.fix ?? "", /BindIP = "127\.0\.0\.1"/);
  });

  it("skips what it was not given, and exits 0", async () => {
    const { code, report } = await doctor();
    assert.equal(code, 0);
    assert.ok(report.checks.every((check) => check.status === "skip"));
    assert.match(report.checks[0]?.message ?? "", /--auth-db <url> or set TC9_AUTH_DB/);
  });

  it("runs as a process: ✔/✖ lines with fixes, no colours in a pipe, exit 1 on a failed check", async () => {
    const taken = await listenOn("0.0.0.0");
    listeners.push(taken.server);
    const run = await spawnCli(["doctor", "--ports", String(taken.port)], { env: { TC9_NATS_URL: SHARED_NATS_URL } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^✔ NATS 127\.0\.0\.1:4222: NATS .*, JetStream enabled$/m);
    assert.match(run.stdout, new RegExp(`^✖ port 0\\.0\\.0\\.0:${taken.port}: in use\\n    fix: stop whatever listens`, "m"));
    assert.match(run.stdout, /^1 passed, 0 warning\(s\), 1 failed, 3 skipped$/m);
    assert.doesNotMatch(run.stdout, /\u001b\[/);
  });
});
