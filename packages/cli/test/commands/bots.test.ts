// `tc9 bots` against an embedded realm: five bots play the whole scenario; a wrong password fails at the logon.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger, toSafeInteger, type DatabaseInteger } from "@tc9/sdk";
import { testServerUrl } from "@tc9/sdk/testing";
import { startEmbeddedRealm, type EmbeddedRealm } from "@tc9/services";
import { runInProcess } from "../cli-harness.js";
import { dropRealmDatabases, testDatabaseUrl, uniqueRealmDatabaseNames } from "../realm-databases.js";

interface BotsJson {
  ok: boolean;
  accountsCreated?: number;
  runs: number;
  succeeded: number;
  failed: number;
  failuresByStage: Record<string, number>;
  steps: Record<string, { count: number; p50: number; p95: number; p99: number }>;
  failures: { username: string; stage: string; code: string }[];
}

const STEPS = ["logon", "realm-list", "world-connect", "character", "enter-world", "say", "teleport", "map-change", "logout"];

describe("tc9 bots", () => {
  const names = uniqueRealmDatabaseNames();
  let realm: EmbeddedRealm;
  let authUrl: string;
  const bots = (...argv: string[]) =>
    runInProcess(["bots", "--auth", `127.0.0.1:${realm.authAddress.port}`, "--timeout", "5000", ...argv]);

  before(async () => {
    realm = await startEmbeddedRealm({ ...names, mysqlUrl: testServerUrl(), authPort: 0, gatewayPort: 0, simulators: 2, logger: createLogger({ level: "silent" }) });
    authUrl = testDatabaseUrl(names.authDatabase);
  });
  after(async () => {
    await realm.stop();
    await dropRealmDatabases(names);
  });

  it("creates five accounts, and five bots play the scenario to the end: exit 0, five successes", async () => {
    const run = await bots("--count", "5", "--accounts", "bot", "--password", "botpass", "--create-accounts", "--auth-db", authUrl, "--json");
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as BotsJson;
    assert.deepEqual([report.ok, report.accountsCreated, report.runs, report.succeeded, report.failed], [true, 5, 5, 5, 0]);
    assert.deepEqual(report.failuresByStage, {});
    assert.deepEqual(Object.keys(report.steps), STEPS);
    for (const step of STEPS) {
      const latency = report.steps[step];
      assert.ok(latency);
      assert.equal(latency.count, 5);
      assert.ok(latency.p50 <= latency.p95 && latency.p95 <= latency.p99, `${step} percentiles are ordered`);
    }
    const saved = await realm.databases.characters.queryOne<{ n: DatabaseInteger }>("SELECT COUNT(*) AS n FROM characters WHERE online = 0");
    assert.equal(toSafeInteger(saved?.n ?? 0), 5, "each bot created one character and logged it out");
    const redirects = (await realm.node.metrics.registry.getSingleMetric("tc9_gateway_redirects_total")?.get())?.values ?? [];
    const moved = redirects.filter((sample) => sample.labels["result"] === "ok").reduce((sum, sample) => sum + sample.value, 0);
    assert.ok(moved >= 5, `each bot's continent tour crossed worldservers through the gateway (${moved} moves)`);
  });

  it("reuses existing accounts and characters, and prints a line per bot and a latency table without --json", async () => {
    const run = await bots("--count", "2", "--accounts", "bot", "--password", "botpass", "--create-accounts", "--auth-db", authUrl);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stdout.split("\n");
    assert.equal(lines[0], "created 0 missing account(s)");
    assert.deepEqual(lines.slice(1, 3).map((line) => line.replace(/\d+ ms$/, "N ms")).sort(), ["✔ bot1 ok in N ms", "✔ bot2 ok in N ms"]);
    assert.match(run.stdout, /✔ 2 run\(s\): 2 succeeded, 0 failed in \d+\.\d s\n\s+step\s+runs\s+p50\s+p95\s+p99\n\s+logon\s+2\s+[\d.]+ ms/);
    const characters = await realm.databases.characters.queryOne<{ n: DatabaseInteger }>("SELECT COUNT(*) AS n FROM characters");
    assert.equal(toSafeInteger(characters?.n ?? 0), 5, "no new characters");
  });

  it("counts a wrong password as failures at the logon stage, exit 1", async () => {
    const run = await bots("--count", "3", "--accounts", "bot", "--password", "wrong", "--json");
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as BotsJson;
    assert.deepEqual([report.ok, report.runs, report.succeeded, report.failed], [false, 3, 0, 3]);
    assert.deepEqual(report.failuresByStage, { logon: 3 });
    assert.deepEqual(report.steps, {});
    assert.ok(report.failures.every((failure) => failure.stage === "logon" && failure.code.startsWith("TC9_ERR_")));

    const human = await bots("--count", "1", "--accounts", "bot", "--password", "wrong");
    assert.equal(human.code, 1);
    assert.equal(human.stderr, "");
    assert.match(human.stdout, /✖ 1 run\(s\): 0 succeeded, 1 failed[^\n]*\nfailures by stage: logon 1\n  ✖ bot1 at logon: /);
  });

  it("fails at the realm-list stage for a realm the list does not have", async () => {
    const run = await bots("--count", "1", "--accounts", "bot", "--password", "botpass", "--realm", "42", "--json");
    assert.equal(run.code, 1);
    assert.deepEqual((JSON.parse(run.stdout) as BotsJson).failuresByStage, { "realm-list": 1 });
  });

  it("rejects an account prefix that makes names too long as a usage error", async () => {
    const run = await runInProcess(["bots", "--auth", "127.0.0.1:3724", "--count", "10", "--accounts", "averyveryverylong", "--password", "x"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--accounts must be letters and digits/);
  });
});
