/**
 * Moving characters between worldservers through the gateway, in one embedded realm (registry,
 * characters, guid and gateway modules in one node, simulated worldservers, headless clients on
 * loopback), each figure judged against a baseline measured in the same run:
 *
 * - redirect: a `.go xyz` to a map another simulator owns; the time from TC9_CMSG_PREPARE_FOR_REDIRECT
 *   sent to the replayed SMSG_NEW_WORLD written to the client (the gateway's
 *   `tc9_gateway_move_seconds{kind="redirect"}`: the old simulator saves, the new one is dialled and
 *   loads the character), mean of `redirects` moves one after the other, against one CMSG_PING →
 *   SMSG_PONG round trip through the gateway (mean of `pings`). `worldLoginDelayMs` is 0 here: the
 *   200 ms pause ToCloud9 makes before CMSG_PLAYER_LOGIN is a setting, not a cost.
 * - failover: `players` characters on a simulator that dies; the time from `die()` to the first
 *   and to the last client holding its SMSG_NEW_WORLD from another simulator, against the
 *   registry's health-check interval (target: first ≤ 2 intervals, all ≤ 3). The gateway runs
 *   with its default failover and login settings.
 */
import { performance } from "node:perf_hooks";
import type { MetricValueWithName } from "prom-client";
import type { RunningNode } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { startWorldSimulator, type HeadlessClient, type WorldSimulator } from "@tc9/sdk/testing";
import { Opcode, pingCodec, pongCodec } from "@tc9/sdk/wow";
import type { BenchComparison } from "../../sdk/bench/measure.js";
import { startGatewayRealm, type GatewayRealm } from "../test/gateway/support/gateway-realm.js";
import { PlayerFactory, whenRouted } from "../test/gateway/support/players.js";

/** The failover figures the label summarises, in milliseconds and in health intervals. */
export interface FailoverComparison extends BenchComparison {
  readonly players: number;
  readonly intervalMs: number;
  readonly firstMs: number;
  readonly allMs: number;
}

const KALIMDOR = 1;
const DOOMED_MAP = 36;
const TIMEOUT_MS = 30_000;

/** Redirect time vs one ping round trip through the gateway. */
export async function benchRedirect(redirects = 20, pings = 200): Promise<BenchComparison> {
  const realm = await startGatewayRealm({ gatewayOptions: { worldLoginDelayMs: 0 } });
  const factory = new PlayerFactory(realm);
  let kalimdor: WorldSimulator | undefined;
  try {
    kalimdor = await simulatorFor(realm, String(KALIMDOR));
    await whenRouted(realm, KALIMDOR, kalimdor.gameAddress);
    const players = await factory.inWorld({ map: 0, count: redirects, timeoutMs: TIMEOUT_MS });
    const [first] = players;
    if (!first) throw new Error("no player to ping with");
    const pingMs = await meanPingMs(first.client, pings);
    for (const { client } of players) {
      let newWorlds = 0;
      const replayed = client.waitFor(Opcode.SMSG_NEW_WORLD, () => (newWorlds += 1) === 2, TIMEOUT_MS);
      await client.teleport(-618.5, -4251.5, 38.5, KALIMDOR);
      await replayed;
    }
    const redirect = await histogramMean(realm.node, "tc9_gateway_move_seconds", { kind: "redirect" });
    if (redirect.count !== redirects) throw new Error(`${redirect.count} of ${redirects} redirects were measured`);
    const redirectMs = redirect.meanSeconds * 1000;
    return {
      name: "gateway redirect on a map change (0x51F sent → SMSG_NEW_WORLD written) vs a ping round trip",
      baseline: { label: `CMSG_PING → SMSG_PONG through the gateway, mean ${pingMs.toFixed(3)} ms`, opsPerSec: 1000 / pingMs },
      subject: {
        label: `redirect between two simulators, mean ${redirectMs.toFixed(2)} ms over ${redirects} (${(redirectMs / pingMs).toFixed(0)}× a ping round trip)`,
        opsPerSec: 1000 / redirectMs,
      },
    };
  } finally {
    factory.closeAll();
    await kalimdor?.stop();
    await realm.stop();
  }
}

/** Time to re-place every player of a dead simulator vs the registry's health-check interval. */
export async function benchFailover(players = 100, intervalMs = 1_000): Promise<FailoverComparison> {
  const realm = await startGatewayRealm({ registryIntervalMs: intervalMs, gatewayOptions: { worldLoginDelayMs: 200 } });
  const factory = new PlayerFactory(realm);
  let doomed: WorldSimulator | undefined;
  try {
    doomed = await simulatorFor(realm, String(DOOMED_MAP));
    await whenRouted(realm, DOOMED_MAP, doomed.gameAddress);
    const inWorld = await factory.inWorld({ map: DOOMED_MAP, count: players, timeoutMs: TIMEOUT_MS });
    const replaced = inWorld.map(({ client }) => client.waitFor(Opcode.SMSG_NEW_WORLD, undefined, TIMEOUT_MS).then(() => performance.now()));
    const diedAt = performance.now();
    await doomed.die();
    const times = (await Promise.all(replaced)).map((at) => at - diedAt);
    const firstMs = Math.min(...times);
    const allMs = Math.max(...times);
    if (!inWorld.every(({ client }) => client.connected)) throw new Error("a client was disconnected during the failover");
    const intervals = (ms: number): string => (ms / intervalMs).toFixed(2);
    return {
      name: `gateway failover, ${players} players of a dead simulator (time to re-place all vs the registry health interval)`,
      baseline: { label: `registry health-check interval ${intervalMs} ms`, opsPerSec: 1000 / intervalMs },
      subject: {
        label: `die() → first player re-placed ${firstMs.toFixed(0)} ms (${intervals(firstMs)} intervals, target ≤ 2), all ${allMs.toFixed(0)} ms (${intervals(allMs)} intervals, target ≤ 3)`,
        opsPerSec: 1000 / allMs,
      },
      target: 1 / 3,
      players,
      intervalMs,
      firstMs,
      allMs,
    };
  } finally {
    factory.closeAll();
    await doomed?.stop();
    await realm.stop();
  }
}

function simulatorFor(realm: GatewayRealm, availableMaps: string): Promise<WorldSimulator> {
  return startWorldSimulator({ realmId: 1, registry: realm.node.use(ServersRegistryService), charactersDb: realm.characters, availableMaps, tickMs: 10 });
}

/** Mean CMSG_PING → SMSG_PONG round trip, one ping at a time. */
async function meanPingMs(client: HeadlessClient, pings: number): Promise<number> {
  let total = 0;
  for (let sequence = 1_000; sequence < 1_000 + pings; sequence++) {
    const pong = client.waitFor(Opcode.SMSG_PONG, (message) => pongCodec.decode(message.payload).sequence === sequence, TIMEOUT_MS);
    const sentAt = performance.now();
    client.send(pingCodec, { sequence, latency: 0 });
    await pong;
    total += performance.now() - sentAt;
  }
  return total / pings;
}

/** Sum / count of one labelled histogram of the node's registry. */
async function histogramMean(node: RunningNode, name: string, labels: Record<string, string>): Promise<{ meanSeconds: number; count: number }> {
  const metric = node.metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const values = (await metric.get()).values as Array<MetricValueWithName<string>>;
  const matching = values.filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted));
  const sum = matching.find((value) => value.metricName === `${name}_sum`)?.value ?? 0;
  const count = matching.find((value) => value.metricName === `${name}_count`)?.value ?? 0;
  return { meanSeconds: count === 0 ? 0 : sum / count, count };
}
