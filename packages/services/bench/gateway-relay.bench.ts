/**
 * Gateway relay benchmark: N world sessions (1, 100, 1,000) in the world exchange CMSG_PING /
 * SMSG_PONG with a simulated worldserver (it answers pings at once, off its world loop), once
 * through a bare TCP relay (a `net` pipe: no parsing, no cipher) and once through the gateway
 * (header decryption, framing, routing, re-encryption), in front of the same simulator of one
 * embedded realm, on loopback, in the same run.
 *
 * - throughput: every session pings back to back for `durationMs`; completed round trips per second.
 * - latency: every session pings on a schedule that adds up to 1,000 pings/s (below saturation for
 *   both paths); p50 / p99 round trip, and the p99 the gateway adds over the bare relay.
 * - memory per idle session: heap (after GC) and RSS growth over N logged-in idle sessions, divided
 *   by N. Clients, relay, gateway and simulator share this process, so both figures include the
 *   client and simulator side; their difference is what the gateway holds beyond a bare pipe.
 *   RSS is not returned to the system between phases, so the later (gateway) RSS figure is a floor;
 *   with a single session both figures are noise (the extra fields still carry them).
 *
 * Everything shares one event loop, so fixed client and simulator costs weigh on both paths alike;
 * run it on an otherwise idle machine, as other processes make the tail latencies meaningless.
 */
import { randomBytes } from "node:crypto";
import { createServer, connect, type AddressInfo, type Server } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createLogger, Database } from "@tc9/sdk";
import { authenticateWorld, buildAuthSession, testServerUrl, WorldConnection } from "@tc9/sdk/testing";
import { authChallengeCodec, authSessionCodec, characterLoginFailedCodec, Opcode, pingCodec, playerLoginCodec } from "@tc9/sdk/wow";
import type { BenchComparison, BenchMeasurement } from "../../sdk/bench/measure.js";
import { startEmbeddedRealm, type EmbeddedRealm } from "../src/embedded/index.js";

/** Round-trip percentiles, in milliseconds. */
export interface RoundTrips {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Growth per logged-in idle session, in bytes. */
export interface SessionMemory {
  readonly heapBytes: number;
  readonly rssBytes: number;
}

/** A {@link BenchComparison} with the latency and memory figures the labels summarise. */
export interface GatewayRelayComparison extends BenchComparison {
  readonly sessions: number;
  readonly latency: { readonly bareRelay: RoundTrips; readonly gateway: RoundTrips; readonly addedP99Ms: number };
  readonly memoryPerIdleSession: { readonly bareRelay: SessionMemory; readonly gateway: SessionMemory };
}

/** One bench account with its character: what both paths log in with. */
interface Player {
  readonly username: string;
  readonly sessionKey: Uint8Array;
  readonly guid: bigint;
}

/** What one path measured. */
interface PathResult {
  readonly roundTripsPerSec: number;
  readonly roundTrips: RoundTrips;
  readonly memory: SessionMemory;
}

const REALM_ID = 1;
const LATENCY_LOAD_PER_SEC = 1_000;
const OPEN_CONCURRENCY = 100;
/** Below this many sessions the memory growth is noise, and the labels leave it out. */
const MEMORY_MIN_SESSIONS = 100;
/** Sessions that run through each path before it is measured (not counted). */
const WARM_UP_SESSIONS = 20;
const TIMEOUT_MS = 20_000;

/** 1 session: ping-pong latency dominates. */
export function benchGatewayRelay1Session(durationMs = 1_500): Promise<GatewayRelayComparison> {
  return benchGatewayRelay(1, durationMs);
}

/** 100 sessions. */
export function benchGatewayRelay100Sessions(durationMs = 1_500): Promise<GatewayRelayComparison> {
  return benchGatewayRelay(100, durationMs);
}

/**
 * 1,000 sessions: about 40 s on a busy two-core machine, most of it logging 1,000 characters in
 * twice through the simulator's one world loop.
 */
export function benchGatewayRelay1000Sessions(durationMs = 1_500): Promise<GatewayRelayComparison> {
  return benchGatewayRelay(1_000, durationMs);
}

async function benchGatewayRelay(sessions: number, durationMs: number): Promise<GatewayRelayComparison> {
  const stem = `tc9_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const names = { authDatabase: `${stem}_auth`, charactersDatabase: `${stem}_characters`, worldDatabase: `${stem}_world` };
  const realm = await startEmbeddedRealm({ ...names, mysqlUrl: testServerUrl(), authPort: 0, gatewayPort: 0, logger: createLogger({ level: "silent" }) });
  const simulator = realm.simulators[0];
  let relay: Server | undefined;
  try {
    if (!simulator) throw new Error("the embedded realm started no simulator");
    const players = await seedPlayers(realm, WARM_UP_SESSIONS + sessions);
    const warmUp = players.slice(0, WARM_UP_SESSIONS);
    const measured = players.slice(WARM_UP_SESSIONS);
    const allSaved = (): Promise<void> => until(() => simulator.sessions().length === 0, "the simulator to save the players of the last phase");
    relay = await startBareRelay(simulator.gameAddress);
    const relayPort = (relay.address() as AddressInfo).port;
    const throughBareRelay = (player: Player): Promise<WorldConnection> => enterThroughBareRelay(relayPort, player);
    const throughGateway = (player: Player): Promise<WorldConnection> => enterThroughGateway(realm.gatewayAddress.port, player);
    const results: PathResult[] = [];
    for (const enter of [throughBareRelay, throughGateway]) {
      await warmUpPath(warmUp, enter);
      await allSaved();
      results.push(await measurePath(measured, durationMs, enter));
      await allSaved();
    }
    const [bare, gateway] = results;
    if (!bare || !gateway) throw new Error("a path was not measured");
    return comparison(sessions, bare, gateway);
  } finally {
    relay?.close();
    await realm.stop();
    await dropDatabases(Object.values(names));
  }
}

function comparison(sessions: number, bare: PathResult, gateway: PathResult): GatewayRelayComparison {
  const addedP99Ms = gateway.roundTrips.p99Ms - bare.roundTrips.p99Ms;
  const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
  const memory = (result: PathResult): string =>
    sessions < MEMORY_MIN_SESSIONS
      ? `memory not measured below ${MEMORY_MIN_SESSIONS} sessions`
      : `${kib(result.memory.heapBytes)} KiB heap + ${kib(result.memory.rssBytes)} KiB RSS per idle session`;
  const describe = (result: PathResult): string =>
    `p50/p99 RTT ${result.roundTrips.p50Ms.toFixed(2)}/${result.roundTrips.p99Ms.toFixed(2)} ms at ${LATENCY_LOAD_PER_SEC.toLocaleString("en-US")} pings/s, ${memory(result)}`;
  const measurement = (label: string, result: PathResult): BenchMeasurement => ({ label, opsPerSec: result.roundTripsPerSec });
  return {
    name: `gateway relay, ${sessions.toLocaleString("en-US")} session${sessions === 1 ? "" : "s"} (ping round trips)`,
    baseline: measurement(`bare TCP relay (net pipe) to the same simulator: ${describe(bare)}`, bare),
    subject: measurement(`gateway (decrypt, frame, route, re-encrypt): ${describe(gateway)}, p99 ${addedP99Ms >= 0 ? "+" : ""}${addedP99Ms.toFixed(2)} ms`, gateway),
    ...(sessions >= 1000 ? { target: 0.5 } : {}),
    sessions,
    latency: { bareRelay: bare.roundTrips, gateway: gateway.roundTrips, addedP99Ms },
    memoryPerIdleSession: { bareRelay: bare.memory, gateway: gateway.memory },
  };
}

/** Inserts N accounts with a known session key (no SRP logon needed) and one character each. */
async function seedPlayers(realm: EmbeddedRealm, count: number): Promise<Player[]> {
  const players = Array.from({ length: count }, (_, index): Player => ({
    username: `BENCH${index + 1}`,
    sessionKey: randomBytes(40),
    guid: BigInt(index + 1),
  }));
  for (let start = 0; start < count; start += 200) {
    const chunk = players.slice(start, start + 200);
    await realm.databases.auth.execute(
      `INSERT INTO account (id, username, salt, verifier, session_key) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
      chunk.flatMap((player) => [player.guid, player.username, randomBytes(32), randomBytes(32), Buffer.from(player.sessionKey)]),
    );
    await realm.databases.characters.execute(
      "INSERT INTO characters (guid, account, name, race, class, gender, level, zone, map, position_x, position_y, position_z, taximask, innTriggerId) " +
        `VALUES ${chunk.map(() => "(?, ?, ?, 1, 1, 0, 1, 12, 0, -8949.95, -132.493, 83.5312, '', 0)").join(", ")}`,
      chunk.flatMap((player) => [player.guid, player.guid, `Bench${player.guid}`]),
    );
  }
  return players;
}

/** A `net` pipe in front of `target` (`host:port`): bytes in, bytes out, nothing parsed. */
async function startBareRelay(target: string): Promise<Server> {
  const separator = target.lastIndexOf(":");
  const host = target.slice(0, separator);
  const port = Number(target.slice(separator + 1));
  const server = createServer({ noDelay: true }, (client) => {
    const upstream = connect({ host, port, noDelay: true });
    client.pipe(upstream).pipe(client);
    const end = (): void => void (client.destroy(), upstream.destroy());
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** Through the bare relay the client speaks the gateway link's convention: plaintext, no check. */
async function enterThroughBareRelay(port: number, player: Player): Promise<WorldConnection> {
  const connection = await WorldConnection.open({ host: "127.0.0.1", port, timeoutMs: TIMEOUT_MS });
  const challenge = authChallengeCodec.decode((await connection.waitFor(Opcode.SMSG_AUTH_CHALLENGE, undefined, TIMEOUT_MS)).payload);
  connection.sendMessage(authSessionCodec, buildAuthSession({ username: player.username, sessionKey: player.sessionKey, realmId: REALM_ID }, challenge.serverSeed));
  return enterWorld(connection, player);
}

/** Through the gateway the client does what the game client does: digest, header cipher, login. */
async function enterThroughGateway(port: number, player: Player): Promise<WorldConnection> {
  const connection = await WorldConnection.open({ host: "127.0.0.1", port, timeoutMs: TIMEOUT_MS });
  await authenticateWorld(connection, { username: player.username, sessionKey: player.sessionKey, realmId: REALM_ID, timeoutMs: TIMEOUT_MS });
  return enterWorld(connection, player);
}

async function enterWorld(connection: WorldConnection, player: Player): Promise<WorldConnection> {
  const answer = connection.waitFor([Opcode.SMSG_LOGIN_VERIFY_WORLD, Opcode.SMSG_CHARACTER_LOGIN_FAILED], undefined, TIMEOUT_MS);
  connection.sendMessage(playerLoginCodec, { guid: player.guid });
  const reply = await answer;
  if (reply.opcode === Opcode.SMSG_CHARACTER_LOGIN_FAILED) {
    connection.close();
    throw new Error(`the login of bench character ${player.guid} failed with reason ${characterLoginFailedCodec.decode(reply.payload).result}`);
  }
  return connection;
}

/** Runs a few sessions through a path first, so that compiling its code does not count as session memory. */
async function warmUpPath(players: readonly Player[], enter: (player: Player) => Promise<WorldConnection>): Promise<void> {
  const pingers = (await Promise.all(players.map(enter))).map((connection) => new Pinger(connection));
  try {
    await pingFor(pingers, 300, 0);
  } finally {
    for (const pinger of pingers) pinger.connection.close();
  }
}

/** Logs every player in through one path, measures it, and closes the sessions again. */
async function measurePath(players: readonly Player[], durationMs: number, enter: (player: Player) => Promise<WorldConnection>): Promise<PathResult> {
  const gc = exposedGc();
  const before = await settledMemory(gc);
  const pingers: Pinger[] = [];
  try {
    for (let start = 0; start < players.length; start += OPEN_CONCURRENCY) {
      const opened = await Promise.all(players.slice(start, start + OPEN_CONCURRENCY).map(enter));
      pingers.push(...opened.map((connection) => new Pinger(connection)));
    }
    const after = await settledMemory(gc);
    const memory = { heapBytes: (after.heapUsed - before.heapUsed) / players.length, rssBytes: (after.rss - before.rss) / players.length };
    const throughput = await pingFor(pingers, durationMs, 0);
    const latency = await pingFor(pingers, durationMs, (players.length * 1000) / LATENCY_LOAD_PER_SEC);
    return { roundTripsPerSec: throughput.perSec, roundTrips: percentiles(latency.samples), memory };
  } finally {
    for (const pinger of pingers) pinger.connection.close();
  }
}

/** Every pinger pings until `durationMs` passed, each starting a ping every `intervalMs` (0: back to back). */
async function pingFor(pingers: readonly Pinger[], durationMs: number, intervalMs: number): Promise<{ perSec: number; samples: number[] }> {
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const sessions = Promise.all(
    pingers.map(async (pinger) => {
      if (intervalMs > 0) await sleep(Math.random() * intervalMs);
      while (performance.now() < deadline) {
        const sentAt = performance.now();
        samples.push(await pinger.ping());
        const wait = sentAt + intervalMs - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  const watchdog = new AbortController();
  const stuck = sleep(durationMs + TIMEOUT_MS, undefined, { signal: watchdog.signal }).then(() => {
    throw new Error(`a ping got no SMSG_PONG within ${TIMEOUT_MS} ms`);
  });
  stuck.catch(() => undefined);
  try {
    await Promise.race([sessions, stuck]);
  } finally {
    watchdog.abort();
  }
  return { perSec: (samples.length * 1000) / (performance.now() - started), samples };
}

/** One session's pings: one at a time, answered by SMSG_PONG; a closed connection fails the ping. */
class Pinger {
  readonly connection: WorldConnection;
  #sequence = 0;
  #pending: { readonly sentAt: number; readonly resolve: (ms: number) => void; readonly reject: (error: Error) => void } | undefined;

  constructor(connection: WorldConnection) {
    this.connection = connection;
    connection.on("message", (message) => {
      const pending = this.#pending;
      if (message.opcode !== Opcode.SMSG_PONG || !pending) return;
      this.#pending = undefined;
      pending.resolve(performance.now() - pending.sentAt);
    });
    connection.on("close", (reason) => this.#pending?.reject(new Error(`a bench session closed: ${reason}`)));
  }

  ping(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#pending = { sentAt: performance.now(), resolve, reject };
      this.#sequence += 1;
      this.connection.sendMessage(pingCodec, { sequence: this.#sequence, latency: 0 });
    });
  }
}

function percentiles(samples: number[]): RoundTrips {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** V8's `gc()` without starting node with --expose-gc. */
function exposedGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function settledMemory(gc: () => void): Promise<NodeJS.MemoryUsage> {
  await sleep(300);
  gc();
  gc();
  return process.memoryUsage();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function dropDatabases(names: readonly string[]): Promise<void> {
  const url = new URL(testServerUrl());
  url.pathname = "/information_schema";
  const server = new Database({ url: url.toString(), poolSize: 1 });
  try {
    for (const name of names) await server.execute(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await server.close();
  }
}
