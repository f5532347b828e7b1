// The worldserver simulator seen from the cluster: registration over gRPC, the sidecar's health and
// metrics endpoint driven by the world loop (stalls, deaths), WorldServerService, and shutdown.
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import { createLogger, NodeMetrics, RpcError, RpcStatus, startNode, type Client, type RunningNode } from "@tc9/sdk";
import { WorldServerService } from "@tc9/sdk/contracts";
import { createScratchDatabase, startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import {
  authChallengeCodec,
  authSessionCodec,
  ChatMsg,
  clientChatMessageCodec,
  Language,
  loginVerifyWorldCodec,
  pingCodec,
  playerLoginCodec,
  pongCodec,
  serverChatMessageCodec,
} from "@tc9/sdk/wow";
import { createGrpcClient, type GrpcClientHandle } from "../../src/runtime/bindings/grpc-client.js";
import { GatewayLinkClient, recordingRegistry, type RecordedRegistration } from "./world-simulator-fixtures.js";

const quiet = createLogger({ level: "silent" });
const DEADLINE_MS = 300;
const HERO = 21n;
const HERMIT = 22n;

async function get(url: string): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  const response = await fetch(url);
  return { status: response.status, body: await response.text(), ms: Date.now() - started };
}

function isRpcError(status: number, message?: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof RpcError && error.status === status && (message === undefined || message.test(error.message));
}

describe("worldserver simulator: the cluster's view", () => {
  const registrations: RecordedRegistration[] = [];
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let registryNode: RunningNode;
  let sim: WorldSimulator;
  let grpc: GrpcClientHandle<typeof WorldServerService>;
  let world: Client<typeof WorldServerService>;
  let hero: GatewayLinkClient;
  const links: GatewayLinkClient[] = [];

  async function login(target: WorldSimulator, guid: bigint): Promise<GatewayLinkClient> {
    const link = await GatewayLinkClient.connect(target.gameAddress);
    links.push(link);
    await link.expect(authChallengeCodec);
    link.send(authSessionCodec, {
      build: 12340, loginServerId: 0, account: "SIDECAR", loginServerType: 0, clientSeed: new Uint8Array(4), regionId: 0,
      battlegroupId: 0, realmId: 1, dosResponse: 0n, digest: new Uint8Array(20), addonInfo: { addons: [], lastBannedAddonTimestamp: 0 },
    });
    link.send(playerLoginCodec, { guid });
    await link.expect(loginVerifyWorldCodec);
    return link;
  }

  const online = async (guid: bigint): Promise<number | undefined> =>
    (await scratch.db.queryOne<{ online: number }>("SELECT online FROM characters WHERE guid = ?", [guid]))?.online;

  before(async () => {
    scratch = await createScratchDatabase({ schema: "characters" });
    const insert =
      "INSERT INTO characters (guid, account, name, race, class, level, money, position_x, position_y, position_z, map, zone, taximask, innTriggerId) " +
      "VALUES (?, 2, ?, 2, 3, 20, ?, 1.5, 2.5, 3.5, 1, 14, '', 0)";
    await scratch.db.execute(insert, [HERO, "Hero", 1000]);
    await scratch.db.execute(insert, [HERMIT, "Hermit", 0]);
    const items = "INSERT INTO item_instance (guid, itemEntry, owner_guid, count, flags, enchantments, durability, text) VALUES (?, ?, ?, ?, ?, '', ?, ?)";
    await scratch.db.execute(items, [501, 6948, HERO, 1, 1, 0, null]);
    await scratch.db.execute(items, [502, 2589, HERO, 20, 0, 0, null]);
    await scratch.db.execute(items, [503, 4496, HERO, 1, 0, 0, "a bag"]);
    const inventory = "INSERT INTO character_inventory (guid, bag, slot, item) VALUES (?, ?, ?, ?)";
    await scratch.db.execute(inventory, [HERO, 0, 23, 501]);
    await scratch.db.execute(inventory, [HERO, 0, 19, 503]);
    await scratch.db.execute(inventory, [HERO, 503, 2, 502]);
    registryNode = await startNode(recordingRegistry(registrations), "registry", { logger: quiet });
    await registryNode.started();
    sim = await startWorldSimulator({
      realmId: 1, registry: registryNode.grpcAddress ?? "", availableMaps: "1,0", charactersDb: scratch.db,
      tickMs: 10, worldDeadlineMs: DEADLINE_MS, logger: quiet,
    });
    grpc = createGrpcClient(WorldServerService, sim.grpcAddress, new NodeMetrics("world-simulator-test"));
    world = grpc.client;
    hero = await login(sim, HERO);
  });

  after(async () => {
    grpc.close();
    for (const link of links) link.destroy();
    await sim.stop();
    await registryNode.stop();
    await scratch.drop();
  });

  it("registers over gRPC when given the registry's address, from the loopback peer", () => {
    const { request, peer } = registrations[0] ?? assert.fail("no registration");
    assert.match(peer, /^127\.0\.0\.1:\d+$/);
    assert.equal(request.availableMaps, "1,0");
    assert.deepEqual(sim.assignedMaps, [1, 0]);
  });

  it("answers /healthcheck through the world loop and reports ToCloud9's gauges on /metrics", async () => {
    const health = await get(`http://${sim.healthAddress}/healthcheck`);
    assert.deepEqual([health.status, health.body], [200, '{"status":"OK"}']);
    const metrics = await get(`http://${sim.healthAddress}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.body, /^active_connections 1$/m);
    for (const gauge of ["delay_mean", "delay_median", "delay_95_percentile", "delay_99_percentile", "delay_max"]) {
      assert.match(metrics.body, new RegExp(`^${gauge} \\d+$`, "m"));
    }
  });

  it("serves money of a player in the world with ModifyMoney's rules, and its items from the characters tables", async () => {
    assert.deepEqual(await world.getMoneyForPlayer({ playerGuid: HERO }), { api: "tc9", money: 1000 });
    assert.equal((await world.modifyMoneyForPlayer({ playerGuid: HERO, value: 250 })).newMoneyValue, 1250);
    assert.equal((await world.modifyMoneyForPlayer({ playerGuid: HERO, value: -5000 })).newMoneyValue, 0);
    assert.equal((await world.modifyMoneyForPlayer({ playerGuid: HERO, value: 40 })).newMoneyValue, 40);
    await assert.rejects(world.modifyMoneyForPlayer({ playerGuid: HERO, value: 0x7ffffffe }), isRpcError(RpcStatus.INTERNAL, /TooMuchMoney/));
    await assert.rejects(world.getMoneyForPlayer({ playerGuid: HERMIT }), isRpcError(RpcStatus.INTERNAL, /PlayerNotFound/));
    const itemGuid = (low: bigint): bigint => (0x4000n << 48n) | low;
    const { items } = await world.getPlayerItemsByGuids({ playerGuid: HERO, guids: [itemGuid(501n), itemGuid(502n), itemGuid(999n)] });
    assert.deepEqual(
      items.map((item) => [item.guid, item.entry, item.bagSlot, item.slot, item.count, item.isTradable]),
      [[itemGuid(501n), 6948, 255, 23, 1, false], [itemGuid(502n), 2589, 19, 2, 20, true]],
    );
    await assert.rejects(world.createGuild({ leaderGuid: HERO, guildName: "x" }), isRpcError(RpcStatus.UNIMPLEMENTED, /does not simulate CreateGuild/));
  });

  it("stalls its world loop: probes answer 503 / 504 at their deadline, world work waits, pings do not", async () => {
    sim.stallWorldLoop("forever");
    const health = await get(`http://${sim.healthAddress}/healthcheck`);
    assert.equal(health.status, 503);
    assert.ok(health.ms >= DEADLINE_MS - 20, `answered after ${health.ms} ms`);
    assert.equal((await get(`http://${sim.healthAddress}/metrics`)).status, 504);
    await assert.rejects(world.getMoneyForPlayer({ playerGuid: HERO }), isRpcError(RpcStatus.DEADLINE_EXCEEDED));
    hero.send(clientChatMessageCodec, { type: ChatMsg.SAY, language: Language.ORCISH, message: "anyone there?" });
    hero.send(pingCodec, { sequence: 9, latency: 1 });
    assert.deepEqual(await hero.expect(pongCodec), { sequence: 9 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!hero.pendingOpcodes().includes(serverChatMessageCodec.opcode), "the chat waits for the loop");
    sim.resume();
    assert.equal((await hero.expect(serverChatMessageCodec)).message, "anyone there?");
    assert.equal((await get(`http://${sim.healthAddress}/healthcheck`)).status, 200);
  });

  it("ends a timed stall by itself", async () => {
    // The first probe gives up at 300 ms; the second, sent then, is answered when the stall ends at 450 ms.
    sim.stallWorldLoop(DEADLINE_MS * 1.5);
    assert.equal((await get(`http://${sim.healthAddress}/healthcheck`)).status, 503);
    const later = await get(`http://${sim.healthAddress}/healthcheck`);
    assert.equal(later.status, 200);
    assert.ok(later.ms >= DEADLINE_MS * 0.3, `the second probe waited for the stall's end (${later.ms} ms)`);
  });

  it("saves the players in the world when it stops", async () => {
    const other = await startWorldSimulator({ realmId: 1, registry: registryNode.grpcAddress ?? "", charactersDb: scratch.db, tickMs: 10 });
    assert.equal(other.id, "ws-2");
    await login(other, HERMIT);
    assert.equal(await online(HERMIT), 1);
    await other.stop();
    assert.equal(await online(HERMIT), 0);
  });

  it("dies abruptly: links cut, every port refused, nothing saved", async () => {
    await sim.die();
    await hero.closed;
    assert.equal(await online(HERO), 1, "a crash leaves the character marked online");
    await assert.rejects(fetch(`http://${sim.healthAddress}/healthcheck`));
    await assert.rejects(
      new Promise<void>((resolve, reject) => {
        const [host, port] = sim.gameAddress.split(":");
        const socket = connect({ host, port: Number(port) }, () => {
          socket.destroy();
          resolve();
        });
        socket.once("error", reject);
      }),
    );
    await assert.rejects(world.getMoneyForPlayer({ playerGuid: HERO }), isRpcError(RpcStatus.UNAVAILABLE));
  });
});
