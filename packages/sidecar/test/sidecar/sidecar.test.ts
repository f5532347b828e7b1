/**
 * The sidecar process end to end: the C fake worldserver (libsidecar) ⇄ the tc9-sidecar process
 * (src/main.ts, configured by TC9_* variables) ⇄ a real registry and guid module on a core node,
 * over real NATS (own subject prefix) and MariaDB (a scratch characters database from
 * AzerothCore's own schema).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  createLogger,
  defineModule,
  defineTopology,
  groupCreated,
  registryGameServerMapsReassigned,
  RpcError,
  RpcStatus,
  startNode,
  type Contract,
  type Handlers,
  type ModuleInstance,
  type RunningNode,
} from "@tc9/sdk";
import {
  CharactersService,
  GroupService,
  GuidService,
  GuidType,
  MatchmakingService,
  ServersRegistryService,
  WorldServerService,
  type FinishRatedArenaMatchResponse,
} from "@tc9/sdk/contracts";
import { createScratchDatabase, deleteJetStreamState, fixturesAvailable, uniqueSubjectPrefix, type ScratchDatabase } from "@tc9/sdk/testing";
import { guidModule, registryModule } from "@tc9/services";
import { startFakeWorldserver, type FakeWorldserver } from "../native/fake-worldserver.js";
import { buildNative } from "../native/native-build.js";
import { eventuallyAnswered, freePort, startSidecarProcess, type SidecarProcess } from "./sidecar-process.js";

const NATS_URL = process.env["TC9_TEST_NATS_URL"] ?? "nats://127.0.0.1:4222";
const quiet = createLogger({ level: "silent" });
const skip = fixturesAvailable() ? false : "the AzerothCore fixtures (shared/fixtures/azerothcore) are not on this machine";

/** The sidecar under test, as the core node's topology sees it: a WorldServerService at its gRPC port. */
const sidecarStandIn = defineModule({
  name: "sidecar-under-test",
  serves: WorldServerService,
  start: () => Promise.reject(new Error("the sidecar runs in its own process")),
});

/** One call a recording service received. */
interface RecordedCall {
  readonly method: string;
  readonly request: Record<string, unknown>;
}

/**
 * A module serving `contract` over real gRPC that records every call and answers with the
 * response's defaults, or with `answers[method]` (which may throw).
 */
function recordingService<C extends Contract>(name: string, contract: C, calls: RecordedCall[], answers: Record<string, () => unknown> = {}) {
  const handlers = Object.fromEntries(
    Object.entries(contract.methods).map(([method, definition]) => [
      method,
      async (request: Record<string, unknown>) => {
        calls.push({ method, request });
        return answers[method]?.() ?? definition.responseType.create({ api: "recording" });
      },
    ]),
  ) as unknown as Handlers<C>;
  const instance = { handlers } as ModuleInstance<C>;
  return defineModule({ name, serves: contract, start: async () => instance });
}

const ARENA_RESULT: FinishRatedArenaMatchResponse = {
  api: "recording",
  status: 0,
  allianceScore: { realmID: 1, arenaTeamID: 100, teamName: "Gladiators", ratingChange: 12, matchmakerRating: 1512 },
  hordeScore: { realmID: 1, arenaTeamID: 200, teamName: "Losers", ratingChange: -12, matchmakerRating: 1588 },
  memberResults: [
    { team: 1, playerGUID: 11n, personalRating: 1712, weekGames: 3, seasonGames: 30, weekWins: 2, seasonWins: 20, matchmakerRating: 1512 },
  ],
};

function groupCreatedPayload(realm: number, group: bigint, members: readonly bigint[]) {
  return {
    ServiceID: "group-test",
    RealmID: realm,
    GroupID: group,
    LeaderGUID: members[0] ?? 0n,
    LootMethod: 3,
    LooterGUID: members[0] ?? 0n,
    LootThreshold: 2,
    GroupType: 1,
    Difficulty: 0,
    RaidDifficulty: 1,
    MasterLooterGuid: 0n,
    LfgDungeonEntry: 262,
    Members: members.map((guid, index) => ({ MemberGUID: guid, MemberFlags: 0, MemberName: `Member${index}`, IsOnline: true, SubGroup: 0, Roles: 0 })),
  };
}

describe("tc9-sidecar process with the fake worldserver, registry and guid modules", { skip }, () => {
  let dir = "";
  const subjectPrefix = uniqueSubjectPrefix("sidecar");
  let scratch: ScratchDatabase;
  let core: RunningNode;
  let sidecar: SidecarProcess;
  let world: FakeWorldserver;
  let sidecarEnv: Record<string, string>;
  let services: RunningNode;
  let grpcPort = 0;
  let healthPort = 0;
  const serviceCalls: RecordedCall[] = [];
  let arenaFails = false;

  const registered = async () => {
    const { gameServers } = await core.use(ServersRegistryService).listGameServersForRealm({ realmID: 1 });
    return gameServers.find((server) => server.grpcAddress.endsWith(`:${grpcPort}`));
  };
  const probe = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${healthPort}${path}`);
    return { status: response.status, body: await response.text() };
  };

  before(async () => {
    buildNative();
    dir = mkdtempSync(join(tmpdir(), "tc9-sidecar-process-"));
    scratch = await createScratchDatabase({ schema: "characters", source: "azerothcore-fixtures" });
    const corePort = await freePort();
    const servicesPort = await freePort();
    grpcPort = await freePort();
    healthPort = await freePort();
    const topology = defineTopology({
      realms: [{ id: 1, name: "Realm 1", databases: { characters: scratch.url } }],
      bus: { kind: "nats", servers: NATS_URL, subjectPrefix },
      nodes: {
        core: {
          modules: [{ module: registryModule, options: { intervalMs: 200, timeoutMs: 1_000, failuresToRemove: 2 } }, guidModule],
          grpc: { port: corePort },
        },
        sidecar: { modules: [sidecarStandIn], grpc: { port: grpcPort } },
        services: {
          modules: [
            recordingService("recording-matchmaking", MatchmakingService, serviceCalls, {
              finishRatedArenaMatch: () => {
                if (arenaFails) throw new RpcError(RpcStatus.UNAVAILABLE, "matchmaking is down (test)");
                return ARENA_RESULT;
              },
            }),
            recordingService("recording-groups", GroupService, serviceCalls),
            recordingService("recording-characters", CharactersService, serviceCalls),
          ],
          grpc: { port: servicesPort },
        },
      },
    });
    core = await startNode(topology, "core", { logger: quiet });
    await core.started();
    services = await startNode(topology, "services", { logger: quiet, applyMigrations: false });
    await services.started();
    sidecarEnv = {
      TC9_SIDECAR_SOCKET: join(dir, "sidecar.sock"),
      TC9_GRPC_PORT: String(grpcPort),
      TC9_HEALTH_CHECK_PORT: String(healthPort),
      TC9_SERVERS_REGISTRY_ADDRESS: `127.0.0.1:${corePort}`,
      TC9_GUID_PROVIDER_ADDRESS: `127.0.0.1:${corePort}`,
      TC9_MATCHMAKING_ADDRESS: `127.0.0.1:${servicesPort}`,
      TC9_GROUP_ADDRESS: `127.0.0.1:${servicesPort}`,
      TC9_CHARACTERS_ADDRESS: `127.0.0.1:${servicesPort}`,
      TC9_NATS_URL: NATS_URL,
      TC9_NATS_SUBJECT_PREFIX: subjectPrefix,
      TC9_HEALTH_CHECK_DEADLINE_MS: "300",
      TC9_LOG_LEVEL: "warn",
    };
    sidecar = startSidecarProcess(sidecarEnv);
    world = startFakeWorldserver(
      { TC9_SIDECAR_SOCKET: sidecarEnv["TC9_SIDECAR_SOCKET"] ?? "", TC9_LOG_LEVEL: "error", TC9_CHARACTER_GUIDS_BUFFER_SIZE: "4" },
      ["8085", "1", "0", "0,1"],
    );
  });

  after(async () => {
    world?.command("quit");
    await world?.exited;
    await sidecar?.stop();
    await services?.stop();
    await core?.stop();
    await deleteJetStreamState({ servers: NATS_URL, subjectPrefix });
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("registers the worldserver: TC9InitLib gets the registry's maps and the registry lists it", async () => {
    const init = await world.next("init", undefined, 20_000);
    assert.deepEqual([init.fields["assigned"], init.fields["firstAssigned"]], ["2", "0"], sidecar.output());
    const server = await eventuallyAnswered("the registry to list the worldserver", registered);
    assert.deepEqual([server.address, server.healthAddress, server.availableMaps, server.assignedMaps], [
      "127.0.0.1:8085",
      `127.0.0.1:${healthPort}`,
      [0, 1],
      [0, 1],
    ]);
    world.command("ready 0 1");
    const routable = await eventuallyAnswered("map 1 to become routable", async () => {
      const { gameServers } = await core.use(ServersRegistryService).availableGameServersForMapAndRealm({ realmID: 1, mapID: 1, isCrossRealm: false });
      return gameServers.length > 0 ? gameServers : undefined;
    });
    assert.equal(routable[0]?.ID, server.ID);
  });

  it("serves WorldServerService over gRPC by running each call in the C handler on the world thread", async () => {
    const worldServer = core.use(WorldServerService);
    const money = await worldServer.getMoneyForPlayer({ playerGuid: 5n });
    assert.equal(money.money, 50);
    assert.equal((await world.next("getMoney", (f) => f["player"] === "5")).fields["world"], "1");
    const items = await worldServer.getPlayerItemsByGuids({ playerGuid: 7n, guids: [70n, 71n] });
    assert.deepEqual(
      items.items.map((item) => [item.guid, item.slot, item.isTradable, item.randomPropertyID, item.text]),
      [[70n, 23, true, -3, "item-0"], [71n, 24, false, -3, "item-1"]],
    );
    const added = await worldServer.addExistingItemToPlayer({ playerGuid: 7n, item: { guid: 70n, entry: 0, count: 1 } });
    assert.equal(added.status, 1, "NoInventorySpace is status NoSpace");
    const guild = await worldServer.createGuild({ leaderGuid: 7n, guildName: "Taken" });
    assert.deepEqual([guild.status, guild.guildId], [1, 0n], "NameExists");
    await assert.rejects(worldServer.getMoneyForPlayer({ playerGuid: 404n }), (error: unknown) => {
      assert.ok(error instanceof RpcError);
      assert.equal(error.status, RpcStatus.INTERNAL);
      assert.match(error.message, /player not found/);
      return true;
    });
  });

  it("delivers group.created of its realm to the C hook and drops other realms' groups", async () => {
    await core.bus.publish(groupCreated, groupCreatedPayload(2, 901n, [21n, 22n]));
    await core.bus.publish(groupCreated, groupCreatedPayload(1, 902n, [11n, 12n]));
    const hook = await world.next("groupCreated");
    assert.deepEqual(
      [hook.fields["guid"], hook.fields["leader"], hook.fields["members"], hook.fields["firstName"], hook.fields["lfg"], hook.fields["world"]],
      ["902", "11", "2", "Member0", "262", "1"],
    );
    await assert.rejects(world.next("groupCreated", undefined, 300), /no groupCreated event/);
  });

  it("draws GUIDs from pools the guid module hands out", async () => {
    const draws: bigint[] = [];
    for (let i = 0; i < 6; i++) {
      world.command("guid 0 0");
      draws.push(BigInt((await world.next("guid", (f) => f["type"] === "0")).fields["value"] ?? "0"));
    }
    assert.ok(draws.every((guid) => guid > 0n), `every draw succeeded: ${draws.join(",")}`);
    assert.equal(new Set(draws).size, draws.length);
    const next = await core.use(GuidService).getGUIDPool({ realmID: 1, guidType: GuidType.Character, desiredPoolSize: 1n });
    const fresh = next.receiverGUID[0]?.start ?? 0n;
    assert.ok(draws.every((guid) => guid < fresh), `the guid module reserved ${draws.join(",")} for the worldserver; it now hands out ${fresh}`);
  });

  it("relays NATS messages both ways for worldserver modules", async () => {
    world.command("sub mymod.boss.spawned");
    await world.next("subscribed");
    const inbound = await eventuallyAnswered("the relay subscription", async () => {
      await core.bus.publishRaw("mymod.boss.spawned", Buffer.from('{"boss":466}'));
      return world.next("nats", undefined, 200).catch(() => undefined);
    });
    assert.deepEqual(inbound.fields, { subject: "mymod.boss.spawned", payload: '{"boss":466}', world: "1" });
    const outbound: string[] = [];
    const subscription = await core.bus.subscribeRaw("mymod.out", (body) => void outbound.push(Buffer.from(body).toString()));
    world.command('pub mymod.out {"zone":1519}');
    await eventuallyAnswered("the published message", async () => (outbound.length > 0 ? true : undefined));
    assert.deepEqual(outbound, ['{"zone":1519}']);
    await subscription.unsubscribe();
  });

  it("turns sr.gs.maps.reassigned into the maps-reassigned hook with this server's difference only", async () => {
    const server = await registered();
    assert.ok(server);
    const entry = (id: string, before: number[], after: number[]) => ({
      ID: id,
      Address: "",
      RealmID: 1,
      IsCrossRealm: false,
      AvailableMaps: [],
      OldAssignedMapsToHandle: before,
      NewAssignedMapsToHandle: after,
    });
    await core.bus.publish(registryGameServerMapsReassigned, { Servers: [entry("someone-else", [0], [571]), entry(server.ID, [], [0, 1, 530])] });
    await core.bus.publish(registryGameServerMapsReassigned, { Servers: [entry(server.ID, [0, 1], [0, 530])] });
    const hook = await world.next("mapsReassigned");
    assert.deepEqual([hook.fields["added"], hook.fields["firstAdded"], hook.fields["removed"], hook.fields["firstRemoved"], hook.fields["world"]], ["1", "530", "1", "1", "1"]);
    await assert.rejects(world.next("mapsReassigned", undefined, 300), /no mapsReassigned event/, "entries of other servers and with no old maps are ignored");
  });

  it("forwards the library's notifications and the arena call over gRPC to the services that own them", async () => {
    world.command("notify");
    await world.next("notified");
    await eventuallyAnswered("every notification to reach its service", async () => (serviceCalls.length >= 11 ? true : undefined));
    const call = (method: string): Record<string, unknown> => serviceCalls.find((c) => c.method === method)?.request ?? assert.fail(`no ${method} call`);
    const pick = (method: string, keys: readonly string[]): unknown[] => keys.map((key) => call(method)[key]);
    assert.deepEqual(pick("playerLeftBattleground", ["playerGUID", "realmID", "instanceID", "isCrossRealm"]), [11n, 1, 77, false]);
    assert.deepEqual(pick("battlegroundStatusChanged", ["instanceID", "status", "realmID"]), [77, 3, 1]);
    assert.deepEqual(pick("updateMemberState", ["realmID", "memberGUID", "online", "level", "zoneID", "health", "maxHealth", "maxPower"]), [1, 11n, true, 80, 1519, 100, 200, 10]);
    assert.deepEqual(pick("confirmLfgDungeonRouteEntered", ["realmID", "playerGUID", "mapID", "difficulty", "instanceID"]), [1, 11n, 389, 0, 5]);
    assert.deepEqual(pick("startReadyCheck", ["leaderGUID", "durationMs"]), [11n, 30_000]);
    assert.deepEqual(pick("setReadyCheckMemberState", ["memberGUID", "state"]), [12n, 1]);
    assert.deepEqual(pick("finishReadyCheck", ["playerGUID"]), [11n]);
    assert.deepEqual(pick("changeMemberSubGroup", ["updaterGUID", "memberGUID", "subGroup"]), [11n, 12n, 2]);
    assert.deepEqual(pick("setMemberFlags", ["updaterGUID", "memberGUID", "flags", "roles"]), [11n, 12n, 1, 2]);
    const materialized = call("registerMaterializedLfgGroup");
    assert.deepEqual([materialized["groupID"], materialized["leaderGUID"], materialized["groupType"]], [5, 11n, 1]);
    assert.deepEqual(
      (materialized["members"] as Array<Record<string, unknown>>).map((m) => [m["realmID"], m["playerGUID"], m["name"], m["isOnline"], m["roles"]]),
      [[1, 11n, "Tank", true, 2], [1, 12n, "Healer", true, 4]],
    );
    assert.deepEqual(pick("completeLfgDungeon", ["completedDungeonEntry", "selectedDungeonEntry", "players"]), [
      261,
      262,
      [{ realmID: 1, playerGUID: 11n }, { realmID: 1, playerGUID: 12n }],
    ]);

    world.command("arena");
    const arena = await world.next("arena");
    assert.deepEqual(arena.fields, {
      status: "0", allianceTeam: "Gladiators", allianceChange: "12", hordeChange: "-12", members: "1", firstRating: "1712", world: "1",
    });
    assert.deepEqual(
      pick("finishRatedArenaMatch", ["ownerRealmID", "instanceID", "arenaType", "validArena", "allianceArenaTeamID", "hordeArenaMatchmakerRating", "participants"]),
      [1, 77, 2, true, 100, 1600, [{ team: 0, playerGUID: 11n }, { team: 1, playerGUID: 12n }]],
    );
    arenaFails = true;
    world.command("arena");
    const failed = await world.next("arena");
    assert.deepEqual([failed.fields["status"], failed.fields["members"]], ["7", "0"], "a failed FinishRatedArenaMatch is status Failed in the worldserver");
    arenaFails = false;
  });

  it("answers /metrics from the monitoring handler and /healthcheck through the world loop; a stalled loop is 503 and stops taking players", async () => {
    assert.deepEqual(await probe("/healthcheck"), { status: 200, body: '{"status":"OK"}' });
    const metrics = await probe("/metrics");
    assert.equal(metrics.status, 200);
    for (const line of ["active_connections 3", "delay_mean 50", "delay_median 49", "delay_95_percentile 60", "delay_99_percentile 70", "delay_max 90"]) {
      assert.ok(metrics.body.includes(`\n${line}\n`), `${line} in /metrics`);
    }
    const server = await registered();
    assert.ok(server);
    const routable = async (): Promise<boolean> => {
      const { gameServers } = await core.use(ServersRegistryService).availableGameServersForMapAndRealm({ realmID: 1, mapID: 0, isCrossRealm: false });
      return gameServers.some((candidate) => candidate.ID === server.ID);
    };
    assert.equal(await routable(), true);
    world.command("stall 3000");
    await world.next("stalling");
    assert.equal((await probe("/healthcheck")).status, 503);
    await eventuallyAnswered("the registry to stop routing players to the stalled worldserver", async () => ((await routable()) ? undefined : true), 5_000);
    await world.next("stalled", undefined, 5_000);
    assert.equal((await probe("/healthcheck")).status, 200);
    await eventuallyAnswered("the registry to route players to it again", async () => ((await routable()) ? true : undefined), 5_000);
  });

  it("survives a sidecar restart: the library reconnects and the worldserver is registered again", async () => {
    assert.equal(await sidecar.stop(), 0, sidecar.output());
    sidecar = startSidecarProcess(sidecarEnv);
    // The library owned 0 and 530 (the reassignment above); registering again gives it 0 and 1 back.
    const reassigned = await world.next("mapsReassigned", (f) => f["firstAdded"] === "1" && f["firstRemoved"] === "530", 20_000);
    assert.equal(reassigned.fields["world"], "1");
    const money = await eventuallyAnswered("WorldServerService through the new sidecar", () => core.use(WorldServerService).getMoneyForPlayer({ playerGuid: 6n }));
    assert.equal(money.money, 60);
    const server = await registered();
    assert.deepEqual(server?.assignedMaps, [0, 1]);
  });
});
