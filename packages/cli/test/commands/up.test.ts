// `tc9 up` refusing to start: a taken port, MariaDB or NATS not answering, a config that is not one.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runInProcess } from "../cli-harness.js";
import { closeServer, freePort, listenOn } from "../net-helpers.js";
import { scratchProject } from "../scratch-project.js";

/** A one-node config hosting the servers registry, with the given gRPC port, bus and characters database. */
function registryConfig(options: { grpcPort: number; bus?: string; charactersDb?: string }): string {
  const databases = options.charactersDb === undefined ? "" : `, databases: { characters: ${JSON.stringify(options.charactersDb)} }`;
  return `import { defineTopology } from "@tc9/sdk";
import { registryModule } from "@tc9/services";
export default defineTopology({
  realms: [{ id: 1, name: "test"${databases} }],
  bus: ${options.bus ?? `{ kind: "local" }`},
  nodes: { registry: { grpc: { port: ${options.grpcPort} }, modules: [registryModule] } },
});
`;
}

describe("tc9 up refuses to start", () => {
  let project: Awaited<ReturnType<typeof scratchProject>>;
  const config = () => join(project.dir, "tc9.config.ts");
  const up = async (text: string) => {
    await writeFile(config(), text);
    return runInProcess(["up", "--config", config(), "--no-top", "--check-timeout", "1000"]);
  };

  before(async () => {
    project = await scratchProject();
  });
  after(async () => {
    await project.remove();
  });

  it("when a port the realm binds is taken, naming the port, the config key and the fix", async () => {
    const taken = await listenOn("0.0.0.0");
    try {
      const run = await up(registryConfig({ grpcPort: taken.port }));
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`✖ port 0\\.0\\.0\\.0:${taken.port}: in use\\n\\s+fix: stop whatever listens on port ${taken.port}.*or change nodes\\.registry\\.grpc\\.port in ${config().replaceAll(".", "\\.")}`));
      assert.match(run.stderr, /error: tc9 up did not start: 1 check\(s\) failed .*\(TC9_ERR_UP_PREFLIGHT\)/);
      assert.equal(existsSync(join(project.dir, ".tc9", "run.json")), false, "nothing was started");
    } finally {
      await closeServer(taken.server);
    }
  });

  it("when MariaDB does not answer, saying to start it or correct the URLs in the config", async () => {
    const nobody = await freePort();
    const run = await up(registryConfig({ grpcPort: 0, charactersDb: `mysql://root@127.0.0.1:${nobody}/tc9_characters` }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`✖ MariaDB 127\\.0\\.0\\.1:${nobody}: not reachable .*\\n\\s+fix: start MariaDB, or correct the database URLs in .*tc9\\.config\\.ts`));
  });

  it("when NATS does not answer, pointing at bus.servers in the config", async () => {
    const nobody = await freePort();
    const run = await up(registryConfig({ grpcPort: 0, bus: `{ kind: "nats", servers: "nats://127.0.0.1:${nobody}" }` }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`✖ NATS 127\\.0\\.0\\.1:${nobody}: not reachable .*\\n\\s+fix: start NATS with JetStream .*bus\\.servers in .*tc9\\.config\\.ts`));
  });

  it("when the config file is missing or exports no topology, naming the file and the fix", async () => {
    const missing = await runInProcess(["up", "--config", join(project.dir, "nope.config.ts"), "--no-top"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.config\.ts does not exist; run tc9 init to create a project, or pass --config <file> \(TC9_ERR_UP_CONFIG\)/);

    const wrong = await up("export default { name: 'not a topology' };\n");
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /tc9\.config\.ts: the default export is not a topology; end the file with export default defineTopology/);

    const invalid = await up(registryConfig({ grpcPort: 0 }).replace("realms: [", "realms: [], unknownKey: ["));
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /tc9\.config\.ts failed to load: .*unknownKey/);
  });

  it("has help with examples, and rejects a bad --account as a usage error", async () => {
    const help = await runInProcess(["up", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Examples:\n {2}\$ tc9 up/);
    const bad = await runInProcess(["up", "--account", "alice"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /expected name:password/);
  });
});
