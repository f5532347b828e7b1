// `tc9 init` scaffolding a realm project from flags (no terminal: no questions).
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadTopology } from "../../src/supervisor/load-topology.js";
import { runInProcess } from "../cli-harness.js";
import { scratchProject } from "../scratch-project.js";

describe("tc9 init", () => {
  let root: string;
  const readJson = async (path: string) => JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), "tc9-init-"));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes package.json, tc9.config.ts, README.md and .gitignore from the flags", async () => {
    const dir = join(root, "My Realm");
    const run = await runInProcess(["init", dir, "--yes", "--realm-name", "Azeroth", "--mysql-url", "mysql://tc9:pw@db:3306", "--nats", "nats://nats:4222", "--simulators", "3"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /✔ created package\.json, tc9\.config\.ts, README\.md, \.gitignore in .*My Realm\n[\s\S]*npm install\n\s+npx tc9 up --account alice:secret/);
    const manifest = await readJson(join(dir, "package.json"));
    assert.equal(manifest["name"], "my-realm");
    assert.deepEqual(manifest["dependencies"], { "@tc9/sdk": "^0.1.0", "@tc9/services": "^0.1.0", tc9: "^0.1.0" });
    assert.deepEqual(Object.keys(manifest["scripts"] as object), ["up", "down", "top", "bots"]);
    const config = await readFile(join(dir, "tc9.config.ts"), "utf8");
    assert.match(config, /realmName: process\.env\["TC9_REALM_NAME"\] \?\? "Azeroth"/);
    assert.match(config, /mysqlUrl: process\.env\["TC9_MYSQL_URL"\] \?\? "mysql:\/\/tc9:pw@db:3306"/);
    assert.match(config, /bus: process\.env\["TC9_NATS_URL"\] \?\? "nats:\/\/nats:4222"/);
    assert.match(config, /\{ module: simulatorsModule, options: \{ count: 3 \} \}/);
    assert.match(await readFile(join(dir, "README.md"), "utf8"), /set realmlist 127\.0\.0\.1/);
    assert.equal(await readFile(join(dir, ".gitignore"), "utf8"), "node_modules/\n.tc9/\n");
  });

  it("scaffolds a config that tc9 up loads: one node with the five services and two simulated worldservers", async () => {
    const project = await scratchProject();
    try {
      const run = await runInProcess(["init", project.dir, "--yes", "--force"]);
      assert.equal(run.code, 0, run.stderr);
      const topology = await loadTopology(join(project.dir, "tc9.config.ts"));
      assert.deepEqual([...topology.nodes.keys()], ["realm"]);
      assert.deepEqual(topology.nodes.get("realm")?.modules.map((placed) => placed.module.name), ["registry", "auth", "characters", "guid", "gateway", "simulators"]);
      assert.deepEqual(topology.bus, { kind: "local" });
      assert.equal(topology.databases.auth, "mysql://root@127.0.0.1:3306/tc9_auth");
    } finally {
      await project.remove();
    }
  });

  it("with --real-worldservers: no simulators, the registry on gRPC port 8999 for the worldservers", async () => {
    const dir = join(root, "real");
    const run = await runInProcess(["init", dir, "--yes", "--real-worldservers", "--local-bus"]);
    assert.equal(run.code, 0, run.stderr);
    const config = await readFile(join(dir, "tc9.config.ts"), "utf8");
    assert.doesNotMatch(config, /\{ module: simulatorsModule/);
    assert.match(config, /grpc: \{ host: "127\.0\.0\.1", port: 8999 \}/);
  });

  it("with --tc9-from: file: dependencies on the tarballs, also as overrides", async () => {
    const tarballs = join(root, "tarballs");
    await mkdir(tarballs);
    for (const name of ["tc9-sdk-0.1.0.tgz", "tc9-services-0.1.0.tgz", "tc9-0.1.0.tgz", "tc9-sidecar-0.1.0.tgz"]) await writeFile(join(tarballs, name), "");
    const dir = join(root, "local");
    const run = await runInProcess(["init", dir, "--yes", "--tc9-from", tarballs, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { ok: boolean }).ok, true);
    const manifest = await readJson(join(dir, "package.json"));
    assert.deepEqual(manifest["dependencies"], {
      "@tc9/sdk": `file:${join(tarballs, "tc9-sdk-0.1.0.tgz")}`,
      "@tc9/services": `file:${join(tarballs, "tc9-services-0.1.0.tgz")}`,
      tc9: `file:${join(tarballs, "tc9-0.1.0.tgz")}`,
    });
    assert.deepEqual(manifest["overrides"], { "@tc9/sdk": `file:${join(tarballs, "tc9-sdk-0.1.0.tgz")}`, "@tc9/services": `file:${join(tarballs, "tc9-services-0.1.0.tgz")}` });

    const missing = await runInProcess(["init", join(root, "missing"), "--yes", "--tc9-from", root]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /has no @tc9\/sdk tarball; create it with npm pack -w @tc9\/sdk/);
  });

  it("refuses a directory that is not empty unless --force, and bad answers", async () => {
    const dir = join(root, "My Realm");
    const refused = await runInProcess(["init", dir, "--yes"]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /is not empty \(.*package\.json.*\); choose a new directory, or pass --force .*\(TC9_ERR_INIT_NOT_EMPTY\)/);
    const forced = await runInProcess(["init", dir, "--yes", "--force", "--realm-name", "Second"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(await readFile(join(dir, "tc9.config.ts"), "utf8"), /"Second"/);

    const url = await runInProcess(["init", join(root, "bad-url"), "--yes", "--mysql-url", "mysql://root@db:3306/acore_auth"]);
    assert.equal(url.code, 1);
    assert.match(url.stderr, /not a MariaDB server URL without a database; write mysql:\/\/user:password@host:3306/);
  });

  it("treats conflicting flags as usage errors, and has help with examples", async () => {
    const bus = await runInProcess(["init", join(root, "x"), "--nats", "nats://a:4222", "--local-bus"]);
    assert.equal(bus.code, 2);
    assert.match(bus.stderr, /cannot be used with option '--local-bus'/);
    const world = await runInProcess(["init", join(root, "x"), "--simulators", "2", "--real-worldservers"]);
    assert.equal(world.code, 2);
    const help = await runInProcess(["init", "--help"]);
    assert.match(help.stdout, /Examples:\n {2}\$ tc9 init my-realm/);
  });
});
