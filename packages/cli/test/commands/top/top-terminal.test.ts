// `tc9 top` in a real terminal (tmux) against an embedded realm: the screen shows the nodes, the
// player count follows headless clients entering the world, and q quits. Also `tc9 top --once`.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { createLogger } from "@tc9/sdk";
import { eventually, HeadlessClient, testServerUrl } from "@tc9/sdk/testing";
import { ResponseCode } from "@tc9/sdk/wow";
import { createAccount, startEmbeddedRealm, type EmbeddedRealm } from "@tc9/services";
import { runInProcess } from "../../cli-harness.js";
import { dropRealmDatabases, uniqueRealmDatabaseNames } from "../../realm-databases.js";
import { nodeLogFile, writeRunState } from "../../../src/run-state/index.js";

const MAIN = fileURLToPath(new URL("../../../src/main.ts", import.meta.url));
const tmuxMissing = spawnSync("tmux", ["-V"]).error !== undefined;
const PLAYERS = 2;

/** Puts a headless client in the world with a new character; the caller closes it. */
async function enterWorld(realm: EmbeddedRealm, username: string): Promise<HeadlessClient> {
  const client = new HeadlessClient({ auth: { host: "127.0.0.1", port: realm.authAddress.port }, username, password: "secret", timeoutMs: 5_000 });
  const { realms } = await client.logon();
  const entry = realms[0];
  assert.ok(entry, "the realm list has the realm");
  await client.connectWorld(entry);
  assert.equal(await client.createCharacter({ name: `Top${username.slice(-1) === "1" ? "one" : "two"}` }), ResponseCode.CHAR_CREATE_SUCCESS);
  const [character] = await client.characters();
  assert.ok(character);
  await client.enterWorld(character.guid);
  return client;
}

describe("tc9 top in a terminal", { skip: tmuxMissing ? "tmux is not installed, so there is no real terminal to run tc9 top in" : false }, () => {
  const names = uniqueRealmDatabaseNames();
  const socket = `tc9-top-test-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const screen = () => tmux("capture-pane", "-p", "-t", "top");
  let projectDir: string;
  let realm: EmbeddedRealm;
  const clients: HeadlessClient[] = [];

  before(async () => {
    projectDir = await mkdtemp(join(tmpdir(), "tc9-top-terminal-"));
    realm = await startEmbeddedRealm({ ...names, mysqlUrl: testServerUrl(), authPort: 0, gatewayPort: 0, logger: createLogger({ level: "silent" }) });
    for (let index = 1; index <= PLAYERS; index += 1) await createAccount(realm.databases.auth, { username: `topuser${index}`, password: "secret" });
    await writeRunState(projectDir, {
      version: 1,
      topology: "terminal-test",
      configFile: join(projectDir, "tc9.config.ts"),
      supervisorPid: process.pid,
      startedAt: new Date().toISOString(),
      nodes: [
        {
          name: "realm",
          status: "ready",
          pid: process.pid,
          httpUrl: realm.node.httpUrl,
          ...(realm.node.grpcAddress === undefined ? {} : { grpcAddress: realm.node.grpcAddress }),
          logFile: nodeLogFile(projectDir, "realm"),
          restarts: 4,
          startedAt: new Date().toISOString(),
          modules: ["registry", "auth", "characters", "guid", "gateway"],
        },
      ],
    });
  });
  after(async () => {
    for (const client of clients) client.close();
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    await realm.stop();
    await dropRealmDatabases(names);
    await rm(projectDir, { recursive: true, force: true });
  });

  it("shows the nodes, follows players entering the world, and quits on q", async () => {
    const command = [process.execPath, "--conditions=tc9:source", "--import", "tsx", MAIN, "top", "--dir", projectDir, "--interval", "200"]
      .map((part) => `'${part}'`)
      .join(" ");
    // CI=true would make ink draw only its last frame; the shell line after it shows how top ended.
    tmux("new-session", "-d", "-s", "top", "-x", "120", "-y", "40", "-c", process.cwd(), `env -u CI -u NO_COLOR ${command}; echo "top exited with $?"; sleep 60`);

    const first = await eventually("the nodes on screen", () => {
      const text = screen();
      return /Nodes \(1\)/.test(text) && /Worldservers \(1\)/.test(text) ? text : undefined;
    }, 30_000);
    assert.match(first, /tc9 terminal-test · .* · 1\/1 nodes up · 0 players/);
    assert.match(first, /\n› realm +ready +up +yes +\d+s +4 +\d+ +registry,auth,characters,guid,gateway/);
    assert.match(first, /\n {2}gateway +realm +127\.0\.0\.1:\d+ +0 +0 +\d/);

    for (let index = 1; index <= PLAYERS; index += 1) clients.push(await enterWorld(realm, `topuser${index}`));
    const withPlayers = await eventually("the players on screen", () => {
      const text = screen();
      return new RegExp(`· ${PLAYERS} players ·`).test(text) ? text : undefined;
    }, 15_000);
    assert.match(withPlayers, new RegExp(`\\n {2}gateway +realm +127\\.0\\.0\\.1:\\d+ +${PLAYERS} +${PLAYERS} `), "two sessions, two world links");
    assert.match(withPlayers, new RegExp(`\\n {2}ws-\\w+ +\\d+ +127\\.0\\.0\\.1:\\d+ +1 +.* +${PLAYERS} +ok`), "the worldserver counts them");

    tmux("send-keys", "-t", "top", "q");
    await eventually("top to quit", () => (/top exited with 0/.test(screen()) ? true : undefined), 10_000);
  });

  it("prints one plain snapshot with --once (and whenever output is not a terminal)", async () => {
    const once = await runInProcess(["top", "--dir", projectDir, "--once"]);
    assert.equal(once.code, 0, once.stderr);
    assert.match(once.stdout, /^tc9 terminal-test · /);
    assert.match(once.stdout, /\n {2}realm +ready +up +yes +\d+s +4 +\d+ +registry,auth,characters,guid,gateway\n/);
    const piped = await runInProcess(["top", "--dir", projectDir]);
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(piped.stdout, /\nGateways \(1\)\n/);
  });
});
