import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { startBridgeServer, type BridgeHandlers, type BridgeServer, type LibraryHello } from "../../src/bridge/bridge-server.js";
import { HookKind, NotifyKind, RequestKind } from "../../src/bridge/protocol.js";
import { BodyWriter, type BodyReader } from "../../src/bridge/wire.js";
import { startFakeWorldserver, type FakeWorldserver } from "./fake-worldserver.js";
import { buildNative } from "./native-build.js";

/** What the cluster side of the bridge saw. */
interface Seen {
  hellos: LibraryHello[];
  guidRequests: Array<{ type: number; realmId: number; desired: bigint }>;
  mapsReady: number[][];
  notifies: number[];
  published: Array<{ subject: string; payload: string }>;
  subscriptions: Array<{ id: number; subject: string }>;
}

function recordingHandlers(seen: Seen, assignedMaps: () => number[]): BridgeHandlers {
  let nextGuid = 1000n;
  return {
    async onHello(hello) {
      seen.hellos.push(hello);
      return { registered: true, serverId: `gs-${seen.hellos.length}`, assignedMaps: assignedMaps() };
    },
    async onGuidRequest(type, realmId, desired) {
      seen.guidRequests.push({ type, realmId, desired });
      const first = nextGuid;
      nextGuid += desired;
      return [{ first, last: first + desired - 1n }];
    },
    async onMapsReady(maps) {
      seen.mapsReady.push(maps);
    },
    async onNotify(kind) {
      seen.notifies.push(kind);
    },
    async onNatsPublish(subject, payload) {
      seen.published.push({ subject, payload: Buffer.from(payload).toString() });
    },
    async onNatsSubscribe(id, subject) {
      seen.subscriptions.push({ id, subject });
    },
    async onCall(_kind, body) {
      assert.equal(body.readU32(), 1); // owner realm
      const w = new BodyWriter().writeU32(0);
      w.writeU32(1).writeU32(100).str("Gladiators").writeI32(12).writeU32(1512);
      w.writeU32(1).writeU32(200).str("Losers").writeI32(-12).writeU32(1588);
      w.writeU32(1).writeU8(0).writeU64(11n);
      for (const value of [1712, 3, 30, 2, 20, 1512]) w.writeU32(value);
      return w.toBytes();
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const body = (build: (w: BodyWriter) => unknown): Uint8Array => {
  const w = new BodyWriter();
  build(w);
  return w.toBytes();
};

/**
 * The fake worldserver runs under valgrind whenever it is installed (TC9_SIDECAR_VALGRIND=0 opts
 * out): any invalid access or definite / indirect leak makes it exit 1, which fails the suite.
 */
const VALGRIND =
  process.env["TC9_SIDECAR_VALGRIND"] !== "0" && spawnSync("valgrind", ["--version"]).status === 0
    ? ["valgrind", "-q", "--error-exitcode=1", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect"]
    : [];

describe("libsidecar ⇄ bridge, driven against the fake worldserver", () => {
  let dir = "";
  let socketPath = "";
  let bridge: BridgeServer;
  let world: FakeWorldserver;
  let assigned = [0, 1];
  const seen: Seen = { hellos: [], guidRequests: [], mapsReady: [], notifies: [], published: [], subscriptions: [] };
  const ask = (kind: RequestKind, build: (w: BodyWriter) => unknown = () => undefined, deadline = 2_000): Promise<BodyReader> =>
    bridge.request(kind, body(build), deadline);

  before(async () => {
    buildNative();
    dir = mkdtempSync(join(tmpdir(), "tc9-sidecar-"));
    socketPath = join(dir, "sidecar.sock");
    bridge = await startBridgeServer({ socketPath, handlers: recordingHandlers(seen, () => assigned) });
    world = startFakeWorldserver(
      { TC9_SIDECAR_SOCKET: socketPath, TC9_LOG_LEVEL: "error", TC9_ITEM_GUIDS_BUFFER_SIZE: "4", TC9_GUID_WAIT_MS: "2000" },
      ["8085", "1", "0", "0,1"],
      VALGRIND,
    );
  });

  after(async () => {
    world.command("quit");
    assert.equal(await world.exited, 0, `the fake worldserver exits cleanly${VALGRIND.length ? " under valgrind" : ""}:\n${world.stderr()}`);
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("TC9InitLib registers through the sidecar and returns the assigned maps", async () => {
    const init = await world.next("init");
    assert.deepEqual(init.fields, { assigned: "2", firstAssigned: "0", world: "1" });
    const hello = seen.hellos[0];
    assert.ok(hello);
    assert.deepEqual(
      { gamePort: hello.gamePort, realmId: hello.realmId, isCrossRealm: hello.isCrossRealm, maps: hello.availableMaps, abi: hello.abi },
      { gamePort: 8085, realmId: 1, isCrossRealm: false, maps: "0,1", abi: { major: 1, minor: 1, patch: 0 } },
    );
  });

  it("reports its version and checks ABI compatibility as ToCloud9 (major equal, minor at least)", async () => {
    world.command("version");
    const version = await world.next("version");
    assert.deepEqual(version.fields, {
      string: "1.1.0", major: "1", minor: "1", patch: "0", same: "0", olderMinor: "0", newerMinor: "2", otherMajor: "1", world: "1",
    });
  });

  it("runs every request kind on the world thread and returns the handler's answer", async () => {
    let r = await ask(RequestKind.GetMoney, (w) => w.writeU64(5n));
    assert.deepEqual([r.readI32(), r.readU32()], [0, 50]);
    assert.equal((await world.next("getMoney")).fields["world"], "1");
    r = await ask(RequestKind.GetMoney, (w) => w.writeU64(404n));
    assert.equal(r.readI32(), 2, "PlayerNotFound");
    r = await ask(RequestKind.ModifyMoney, (w) => w.writeU64(5n).writeI32(-300));
    assert.deepEqual([r.readI32(), r.readU32()], [0, 700]);
    assert.equal((await world.next("modifyMoney")).fields["amount"], "-300");

    r = await ask(RequestKind.GetItems, (w) => w.writeU64(7n).u64List([70n, 71n]));
    assert.equal(r.readI32(), 0);
    assert.equal(r.readU32(), 2);
    const item = { guid: r.readU64(), entry: r.readU32(), owner: r.readU64(), bag: r.readU8(), slot: r.readU8(), tradable: r.readU8() };
    const rest = { count: r.readU32(), flags: r.readU32(), durability: r.readU32(), random: r.readI32(), text: r.str() };
    assert.deepEqual(item, { guid: 70n, entry: 25, owner: 7n, bag: 255, slot: 23, tradable: 1 });
    assert.deepEqual(rest, { count: 1, flags: 1, durability: 30, random: -3, text: "item-0" });
    await world.next("getItems", (f) => f["n"] === "2" && f["first"] === "70" && f["world"] === "1");

    r = await ask(RequestKind.TakeItemByPos, (w) => w.writeU64(7n).writeU8(255).writeU8(24).writeU32(3).writeU64(8n));
    assert.equal(r.readI32(), 0);
    assert.equal(r.readU64(), 900n);
    await world.next("takeItem", (f) => f["slot"] === "24" && f["count"] === "3" && f["assign"] === "8");

    r = await ask(RequestKind.RemoveItems, (w) => w.writeU64(7n).u64List([70n, 71n]).writeU64(8n));
    assert.equal(r.readI32(), 0);
    assert.deepEqual(r.u64List(), [71n, 72n]);

    const addItem = (entry: number) =>
      ask(RequestKind.AddExistingItem, (w) => w.writeU64(7n).writeU64(70n).writeU32(entry).writeU32(2).writeU32(1).writeU32(30).writeI32(-3).writeU8(1).writeU8(255).writeU8(30));
    assert.equal((await addItem(25)).readI32(), 0);
    const added = await world.next("addItem");
    assert.deepEqual(
      [added.fields["entry"], added.fields["random"], added.fields["storeAtPos"], added.fields["slot"], added.fields["world"]],
      ["25", "-3", "1", "30", "1"],
    );
    assert.equal((await addItem(0)).readI32(), 3, "NoInventorySpace");

    r = await ask(RequestKind.InteractNpc, (w) => w.writeU64(7n).writeU64(9n).writeU32(16));
    assert.deepEqual([r.readI32(), r.readU8()], [0, 1]);
    r = await ask(RequestKind.InteractGo, (w) => w.writeU64(7n).writeU64(9n).writeU8(3));
    assert.deepEqual([r.readI32(), r.readU8()], [0, 0]);

    r = await ask(RequestKind.BattlegroundStart, (w) =>
      w.writeU8(2).writeU32(0).writeU8(0).writeU32(489).writeU8(7).writeU32(100).writeU32(200).writeU32(1500).writeU32(1600).u64List([1n]).u64List([2n, 3n]).u64List([]),
    );
    assert.deepEqual([r.readI32(), r.readU64(), r.readU64()], [0, 77n, 7n]);
    const started = await world.next("bgStart");
    assert.deepEqual(
      [started.fields["map"], started.fields["alliance"], started.fields["firstAlliance"], started.fields["hordeMmr"]],
      ["489", "2", "2", "1600"],
    );
    r = await ask(RequestKind.BattlegroundAddPlayers, (w) => w.writeU8(2).writeU64(0n).u64List([]).u64List([4n]).u64List([]));
    assert.equal(r.readI32(), 3, "BattlegroundNotFound");
    assert.equal((await ask(RequestKind.BattlegroundCanJoinQueue, (w) => w.writeU64(13n))).readI32(), 2);
    assert.equal((await ask(RequestKind.BattlegroundCanTeleport, (w) => w.writeU64(14n))).readI32(), 0);

    r = await ask(RequestKind.Monitoring);
    assert.deepEqual(Array.from({ length: 7 }, (_, i) => (i === 0 ? r.readI32() : r.readU32())), [0, 3, 50, 49, 60, 70, 90]);

    r = await ask(RequestKind.LfgLockInfo, (w) => w.writeU64(7n).u32List([258, 261]));
    assert.equal(r.readI32(), 0);
    assert.deepEqual([r.readU32(), r.readU32(), r.readU32()], [1, 261, 2]);
    assert.equal(r.readU32(), 0);
    assert.deepEqual(r.u32List(), [258, 259]);
    r = await ask(RequestKind.LfgPlayerInfo, (w) => w.writeU64(7n));
    assert.equal(r.readI32(), 0);
    assert.equal(r.readU32(), 1);
    assert.deepEqual([r.readU32(), r.readU8(), r.readU32(), r.readU32()], [262, 1, 100, 200]);
    r = await ask(RequestKind.LfgDungeonInfo, (w) => w.writeU32(0));
    assert.equal(r.readI32(), 2, "DungeonNotFound");
    assert.equal((await ask(RequestKind.LfgTeleport, (w) => w.writeU64(7n).writeU8(1).writeU32(262))).readI32(), 0);
    await world.next("lfgTeleport", (f) => f["out"] === "1" && f["entry"] === "262");
    assert.equal((await ask(RequestKind.LfgBootVote, (w) => w.writeU64(7n).writeU8(1))).readI32(), 0);
    r = await ask(RequestKind.LfgMaterialize, (w) => w.writeU32(1).writeU32(9).writeU32(262).writeU64(7n).writeU32(1).writeU64(7n).writeU8(2).writeU8(2).writeU64(7n));
    assert.equal(r.readI32(), 0);
    await world.next("lfgMaterialize", (f) => f["proposal"] === "9" && f["firstRoles"] === "2" && f["world"] === "1");
    r = await ask(RequestKind.GuildCreate, (w) => w.writeU64(7n).str("Taken"));
    assert.deepEqual([r.readI32(), r.readU64()], [2, 0n]);
    r = await ask(RequestKind.GuildCreate, (w) => w.writeU64(7n).str("Fresh Guild"));
    assert.deepEqual([r.readI32(), r.readU64()], [0, 42n]);
  });

  it("delivers every hook on the world thread with the sent values", async () => {
    const send = (kind: HookKind, build: (w: BodyWriter) => unknown) => assert.ok(bridge.hook(kind, body(build)));
    send(HookKind.GroupCreated, (w) => {
      w.writeU32(5).writeU64(11n).writeU8(3).writeU64(12n).writeU8(2).writeU8(1).writeU8(0).writeU8(1).writeU64(13n).writeU32(262).writeU32(2);
      w.writeU64(11n).str("Leader").writeU64(12n).str("Member");
    });
    send(HookKind.GroupMemberAdded, (w) => w.writeU32(5).writeU64(14n));
    send(HookKind.GroupMemberRemoved, (w) => w.writeU32(5).writeU64(14n).writeU64(12n));
    send(HookKind.GroupLootTypeChanged, (w) => w.writeU32(5).writeU8(4).writeU64(12n).writeU8(3));
    send(HookKind.GroupDungeonDifficultyChanged, (w) => w.writeU32(5).writeU8(1));
    send(HookKind.GroupRaidDifficultyChanged, (w) => w.writeU32(5).writeU8(3));
    send(HookKind.GroupConvertedToRaid, (w) => w.writeU32(5));
    send(HookKind.GroupDisbanded, (w) => w.writeU32(5));
    send(HookKind.GuildMemberAdded, (w) => w.writeU64(8n).writeU64(11n));
    send(HookKind.GuildMemberLeft, (w) => w.writeU64(8n).writeU64(12n));
    send(HookKind.GuildMemberRemoved, (w) => w.writeU64(8n).writeU64(13n));
    send(HookKind.MapsReassigned, (w) => w.u32List([530]).u32List([1]));
    send(HookKind.GroupLeaderChanged, (w) => w.writeU32(5).writeU64(11n).writeU64(12n));
    send(HookKind.ReadyCheckStarted, (w) => w.writeU32(5).writeU64(11n).writeU32(30_000));
    send(HookKind.ReadyCheckMemberState, (w) => w.writeU32(5).writeU64(12n).writeU8(2));
    send(HookKind.ReadyCheckFinished, (w) => w.writeU32(5));
    send(HookKind.MemberSubGroupChanged, (w) => w.writeU32(5).writeU64(12n).writeU8(3));
    send(HookKind.MemberFlagsChanged, (w) => w.writeU32(5).writeU64(12n).writeU8(1).writeU8(4));
    send(HookKind.MemberStateChanged, (w) => {
      w.writeU32(5).writeU64(12n).writeU8(1).writeU8(80).writeU8(5).writeU32(1519).writeU32(0).writeU32(900).writeU32(1000);
      w.writeU8(0).writeU32(50).writeU32(100).writeU8(1).writeU32(1).writeU8(0).writeU32(48_441).writeU8(1);
    });
    send(HookKind.InstanceResetRequest, (w) => w.writeU32(5).writeU64(11n).writeU32(389).writeU8(0));
    send(HookKind.InstanceBindExtensionRequest, (w) => w.writeU32(5).writeU64(11n).writeU32(631).writeU8(1).writeU8(1));

    const expectations: Array<[string, Record<string, string>]> = [
      ["groupCreated", { guid: "5", leader: "11", loot: "3", looter: "12", threshold: "2", type: "1", raid: "1", master: "13", members: "2", firstName: "Leader", lfg: "262" }],
      ["groupMemberAdded", { guid: "5", member: "14" }],
      ["groupMemberRemoved", { member: "14", leader: "12" }],
      ["groupLootChanged", { method: "4", looter: "12", threshold: "3" }],
      ["groupDungeonDifficulty", { difficulty: "1" }],
      ["groupRaidDifficulty", { difficulty: "3" }],
      ["groupConvertedToRaid", { guid: "5" }],
      ["groupDisbanded", { guid: "5" }],
      ["guildMemberAdded", { guild: "8", player: "11" }],
      ["guildMemberLeft", { guild: "8", player: "12" }],
      ["guildMemberRemoved", { guild: "8", player: "13" }],
      ["mapsReassigned", { added: "1", firstAdded: "530", removed: "1", firstRemoved: "1" }],
      ["groupLeaderChanged", { previous: "11", next: "12" }],
      ["readyCheckStarted", { leader: "11", duration: "30000" }],
      ["readyCheckMemberState", { member: "12", state: "2" }],
      ["readyCheckFinished", { guid: "5" }],
      ["subGroupChanged", { subGroup: "3" }],
      ["memberFlagsChanged", { flags: "1", roles: "4" }],
      ["memberStateChanged", { level: "80", zone: "1519", health: "900/1000", power: "0:50/100", auras: "1", firstSpell: "48441" }],
      ["instanceReset", { map: "389", difficulty: "0" }],
      ["bindExtension", { map: "631", extended: "1" }],
    ];
    for (const [name, fields] of expectations) {
      const event = await world.next(name);
      assert.equal(event.fields["world"], "1", `${name} runs on the world thread`);
      for (const [key, value] of Object.entries(fields)) assert.equal(event.fields[key], value, `${name}.${key}`);
    }
  });

  it("draws GUIDs from prefetched pools and refills them before they run dry", async () => {
    await until(() => seen.guidRequests.filter((r) => r.realmId === 1).length >= 3, "the three initial pool requests");
    const draws: bigint[] = [];
    for (let i = 0; i < 10; i++) {
      world.command("guid 1 0");
      draws.push(BigInt((await world.next("guid", (f) => f["type"] === "1")).fields["value"] ?? "0"));
    }
    assert.ok(draws.every((guid) => guid > 0n), `all draws succeeded: ${draws.join(",")}`);
    assert.equal(new Set(draws).size, draws.length, "no GUID twice");
    const itemRequests = seen.guidRequests.filter((r) => r.type === 1);
    assert.ok(itemRequests.length >= 3, "refilled at half the buffer");
    assert.ok(itemRequests.every((r) => r.desired === 4n));
    world.command("guid 0 2"); // another realm: an empty pool, filled on demand
    const other = await world.next("guid", (f) => f["realm"] === "2");
    assert.notEqual(other.fields["value"], "0");
  });

  it("re-sends ready maps, relays NATS both ways and forwards notifications and the arena call", async () => {
    world.command("ready 0 1");
    await until(() => seen.mapsReady.length > 0, "maps ready");
    assert.deepEqual(seen.mapsReady.at(-1), [0, 1]);

    world.command("sub mymod.boss.spawned");
    await until(() => seen.subscriptions.length > 0, "subscription");
    const sub = seen.subscriptions[0];
    assert.ok(sub);
    assert.equal(sub.subject, "mymod.boss.spawned");
    bridge.natsMessage(sub.id, "mymod.boss.spawned", Buffer.from('{"boss":466}'));
    const message = await world.next("nats");
    assert.deepEqual(message.fields, { subject: "mymod.boss.spawned", payload: '{"boss":466}', world: "1" });
    world.command('pub mymod.out {"zone":1519}');
    await until(() => seen.published.length > 0, "publish");
    assert.deepEqual(seen.published[0], { subject: "mymod.out", payload: '{"zone":1519}' });

    world.command("notify");
    await world.next("notified");
    await until(() => seen.notifies.length >= 11, "notifications");
    assert.deepEqual([...seen.notifies].sort((a, b) => a - b), Object.values(NotifyKind).sort((a, b) => a - b));

    world.command("arena");
    const arena = await world.next("arena");
    assert.deepEqual(arena.fields, {
      status: "0", allianceTeam: "Gladiators", allianceChange: "12", hordeChange: "-12", members: "1", firstRating: "1712", world: "1",
    });
  });

  it("a request the stalled world loop does not reach in time fails and is never run", async () => {
    world.command("stall 700");
    await world.next("stalling");
    await assert.rejects(ask(RequestKind.GetMoney, (w) => w.writeU64(31n), 200), { code: "TC9_ERR_SIDECAR_DEADLINE" });
    await world.next("stalled");
    const r = await ask(RequestKind.GetMoney, (w) => w.writeU64(32n));
    assert.equal(r.readI32(), 0);
    await world.next("getMoney", (f) => f["player"] === "32");
    await assert.rejects(world.next("getMoney", (f) => f["player"] === "31", 200), /no getMoney event/);
  });

  it("survives a sidecar restart mid-traffic: in-flight requests fail, the library reconnects and registers again", async () => {
    world.command("stall 800");
    await world.next("stalling");
    const inFlight = ask(RequestKind.ModifyMoney, (w) => w.writeU64(41n).writeI32(5), 3_000);
    const failed = assert.rejects(inFlight, { code: "TC9_ERR_SIDECAR_DISCONNECTED" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bridge.close();
    await failed;

    assigned = [0, 571]; // owned before: 0 and 530 (the maps-reassigned hook above)
    const subscriptionsBefore = seen.subscriptions.length;
    bridge = await startBridgeServer({ socketPath, handlers: recordingHandlers(seen, () => assigned) });
    await until(() => seen.hellos.length === 2 && bridge.connected(), "the library to reconnect");
    const reassigned = await world.next("mapsReassigned", (f) => f["firstAdded"] === "571" && f["firstRemoved"] === "530");
    assert.equal(reassigned.fields["world"], "1");
    await until(() => seen.subscriptions.length > subscriptionsBefore, "subscriptions re-sent");
    const r = await ask(RequestKind.GetMoney, (w) => w.writeU64(6n));
    assert.deepEqual([r.readI32(), r.readU32()], [0, 60]);
    await assert.rejects(world.next("modifyMoney", (f) => f["player"] === "41", 200), /no modifyMoney event/, "the orphaned write was dropped");
  });
});

describe("a first WELCOME after TC9InitLib gave up", () => {
  let dir = "";
  let bridge: BridgeServer | undefined;
  let world: FakeWorldserver;
  const seen: Seen = { hellos: [], guidRequests: [], mapsReady: [], notifies: [], published: [], subscriptions: [] };

  before(() => {
    buildNative();
    dir = mkdtempSync(join(tmpdir(), "tc9-sidecar-late-"));
    world = startFakeWorldserver(
      { TC9_SIDECAR_SOCKET: join(dir, "sidecar.sock"), TC9_LOG_LEVEL: "off", TC9_SIDECAR_CONNECT_TIMEOUT_MS: "200" },
      ["8086", "1", "0", ""],
      VALGRIND,
    );
  });

  after(async () => {
    world.command("quit");
    assert.equal(await world.exited, 0, `the fake worldserver exits cleanly${VALGRIND.length ? " under valgrind" : ""}:\n${world.stderr()}`);
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("hands every assigned map to the worldserver through the maps-reassigned hook", async () => {
    const init = await world.next("init", undefined, 10_000);
    assert.equal(init.fields["assigned"], "0", "TC9InitLib returned without maps: no sidecar yet");
    bridge = await startBridgeServer({ socketPath: join(dir, "sidecar.sock"), handlers: recordingHandlers(seen, () => [0, 571]) });
    const reassigned = await world.next("mapsReassigned");
    assert.deepEqual(
      [reassigned.fields["added"], reassigned.fields["firstAdded"], reassigned.fields["removed"], reassigned.fields["world"]],
      ["2", "0", "0", "1"],
    );
  });
});
