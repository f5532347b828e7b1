// The worldserver simulator seen from a ToCloud9 gateway: a link that replays CMSG_AUTH_SESSION,
// logs characters in from a scratch AzerothCore characters database (AzerothCore's own schema),
// chats, moves, teleports across maps and back, logs out, is redirected or drops, and sends junk.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger, startNode, type RunningNode } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { createScratchDatabase, eventually, startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import {
  accountDataTimesCodec,
  authChallengeCodec,
  authSessionCodec,
  characterLoginFailedCodec,
  ChatMsg,
  clientChatMessageCodec,
  collectUnitStats,
  encodeClientPacket,
  Language,
  LoginFailureReason,
  loginSetTimeSpeedCodec,
  loginVerifyWorldCodec,
  logoutCompleteCodec,
  logoutRequestCodec,
  logoutResponseCodec,
  movementCodec,
  moveTeleportAckClientCodec,
  moveTeleportAckServerCodec,
  moveWorldportAckCodec,
  newWorldCodec,
  Opcode,
  pingCodec,
  playerLoginCodec,
  pongCodec,
  prepareForRedirectCodec,
  readyForRedirectCodec,
  serverChatMessageCodec,
  smsgCompressedUpdateObjectCodec,
  textEmoteCodec,
  textEmoteRequestCodec,
  timeSyncRequestCodec,
  transferPendingCodec,
} from "@tc9/sdk/wow";
import { GatewayLinkClient, recordingRegistry, type RecordedRegistration } from "./world-simulator-fixtures.js";

const quiet = createLogger({ level: "silent" });
const MAGE = 7n;
const WARRIOR = 8n;
const ORC = 9n;
const LURKER = 10n;

interface CharacterRow {
  position_x: number;
  position_y: number;
  position_z: number;
  orientation: number;
  map: number;
  zone: number;
  online: number;
  money: number;
}

function authSession(account: string) {
  return {
    build: 12340, loginServerId: 0, account, loginServerType: 0, clientSeed: new Uint8Array(4), regionId: 0, battlegroupId: 0,
    realmId: 1, dosResponse: 0n, digest: new Uint8Array(20), addonInfo: { addons: [], lastBannedAddonTimestamp: 0 },
  };
}

const say = (message: string, type: number = ChatMsg.SAY) => ({ type, language: Language.COMMON, message });

describe("worldserver simulator: the gateway's view", () => {
  const registrations: RecordedRegistration[] = [];
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let registryNode: RunningNode;
  let sim: WorldSimulator;
  const links: GatewayLinkClient[] = [];
  let mage: GatewayLinkClient;
  let warrior: GatewayLinkClient;
  let orc: GatewayLinkClient;

  const row = async (guid: bigint): Promise<CharacterRow | undefined> =>
    scratch.db.queryOne<CharacterRow>(
      "SELECT position_x, position_y, position_z, orientation, map, zone, online, money FROM characters WHERE guid = ?",
      [guid],
    );

  async function connect(): Promise<GatewayLinkClient> {
    const link = await GatewayLinkClient.connect(sim.gameAddress);
    links.push(link);
    await link.expect(authChallengeCodec);
    link.send(authSessionCodec, authSession("SIMTEST"));
    return link;
  }

  async function login(guid: bigint): Promise<GatewayLinkClient> {
    const link = await connect();
    link.send(playerLoginCodec, { guid });
    await link.expect(loginVerifyWorldCodec);
    await link.expect(timeSyncRequestCodec);
    return link;
  }

  before(async () => {
    scratch = await createScratchDatabase({ schema: "characters", source: "azerothcore-fixtures" });
    const insert =
      "INSERT INTO characters (guid, account, name, race, class, gender, level, money, position_x, position_y, position_z, " +
      "orientation, map, zone, health, power1, taximask, innTriggerId) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0)";
    await scratch.db.execute(insert, [MAGE, "Magey", 1, 8, 1, 12, 1234, -8949.5, -132.5, 83.5, 1.5, 0, 12, 300, 500]);
    await scratch.db.execute(insert, [WARRIOR, "Tanky", 1, 1, 0, 1, 0, -8950.25, -130.75, 83.5, 0, 0, 12, 0, 0]);
    await scratch.db.execute(insert, [ORC, "Grunty", 2, 1, 0, 3, 0, -618.5, -4251.5, 38.75, 0, 1, 14, 0, 0]);
    await scratch.db.execute(insert, [LURKER, "Lurky", 1, 4, 0, 2, 0, -8951.5, -131.5, 83.5, 0, 0, 12, 0, 0]);
    registryNode = await startNode(recordingRegistry(registrations), "registry", { logger: quiet });
    await registryNode.started();
    sim = await startWorldSimulator({
      realmId: 1, registry: registryNode.use(ServersRegistryService), charactersDb: scratch.db, tickMs: 10, timeSyncIntervalMs: 300,
    });
  });

  after(async () => {
    for (const link of links) link.destroy();
    await sim.stop();
    await registryNode.stop();
    await scratch.drop();
  });

  it("registers like the sidecar: game, health and gRPC ports, realm and maps", () => {
    assert.equal(registrations.length, 1);
    const { request, peer } = registrations[0] ?? assert.fail("no registration");
    const port = (address: string): number => Number(address.split(":")[1]);
    assert.deepEqual(
      [request.gamePort, request.healthPort, request.grpcPort, request.realmID, request.isCrossRealm, request.availableMaps],
      [port(sim.gameAddress), port(sim.healthAddress), port(sim.grpcAddress), 1, false, ""],
    );
    assert.equal(request.preferredHostName, "127.0.0.1");
    assert.equal(peer, "in-process");
    assert.equal(sim.id, "ws-1");
  });

  it("logs a character in from the characters table and sends what a client needs to enter the world", async () => {
    const link = await connect();
    mage = link;
    link.send(playerLoginCodec, { guid: MAGE });
    const verify = await link.expect(loginVerifyWorldCodec);
    assert.deepEqual(verify, { map: 0, position: { x: -8949.5, y: -132.5, z: 83.5 }, orientation: 1.5 });
    const times = await link.expect(accountDataTimesCodec);
    assert.equal(times.mask, 0xea);
    assert.equal((await link.expect(loginSetTimeSpeedCodec)).speed, Math.fround(0.01666667));
    const update = smsgCompressedUpdateObjectCodec.decode((await link.next(Opcode.SMSG_COMPRESSED_UPDATE_OBJECT)).payload);
    assert.equal(update.blocks[0]?.kind, "create-object2");
    const stats = collectUnitStats(update, MAGE);
    assert.equal(stats.level, 12);
    assert.equal(stats.health, 300);
    assert.deepEqual(stats.bytes0, { race: 1, classId: 8, gender: 1, powerType: 0 });
    assert.equal(stats.maxPowers?.get(0), 500);
    assert.deepEqual(await link.expect(timeSyncRequestCodec), { counter: 0 });
    assert.equal((await row(MAGE))?.online, 1);
    const [session] = sim.sessions().filter((info) => info.character?.guid === MAGE);
    assert.equal(session?.account, "SIMTEST");
    assert.equal(session?.state, "in-world");
    assert.deepEqual(await link.expect(timeSyncRequestCodec, 1_000), { counter: 1 }, "time sync repeats");
    link.send(pingCodec, { sequence: 77, latency: 5 });
    assert.deepEqual(await link.expect(pongCodec), { sequence: 77 });
  });

  it("fails logins of unknown characters and of characters already in the world", async () => {
    const link = await connect();
    link.send(playerLoginCodec, { guid: 4040n });
    assert.deepEqual(await link.expect(characterLoginFailedCodec), { result: LoginFailureReason.NO_CHARACTER });
    link.send(playerLoginCodec, { guid: MAGE });
    assert.deepEqual(await link.expect(characterLoginFailedCodec), { result: LoginFailureReason.DUPLICATE_CHARACTER });
  });

  it("echoes say, yell and emote to every player on the map, and text emotes naming the target", async () => {
    warrior = await login(WARRIOR);
    orc = await login(ORC);
    mage.send(clientChatMessageCodec, say("hello Goldshire"));
    for (const listener of [mage, warrior]) {
      const heard = await listener.expect(serverChatMessageCodec);
      assert.deepEqual(
        [heard.type, heard.language, heard.senderGuid, heard.receiverGuid, heard.message],
        [ChatMsg.SAY, Language.COMMON, MAGE, MAGE, "hello Goldshire"],
      );
    }
    warrior.send(clientChatMessageCodec, say("FOR THE ALLIANCE", ChatMsg.YELL));
    assert.equal((await mage.expect(serverChatMessageCodec)).type, ChatMsg.YELL);
    warrior.send(clientChatMessageCodec, say("flexes", ChatMsg.EMOTE));
    const emote = await mage.expect(serverChatMessageCodec);
    assert.deepEqual([emote.type, emote.language, emote.message], [ChatMsg.EMOTE, Language.UNIVERSAL, "flexes"]);
    mage.send(textEmoteRequestCodec, { textEmote: 101, emoteNum: 0, target: WARRIOR });
    assert.deepEqual(await warrior.expect(textEmoteCodec), { guid: MAGE, textEmote: 101, emoteNum: 0, targetName: "Tanky" });
    assert.equal((await mage.expect(textEmoteCodec)).targetName, "Tanky", "the sender sees its own emote");
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!orc.pendingOpcodes().includes(Opcode.SMSG_MESSAGECHAT), "a player on another map hears nothing");
  });

  it("tracks movement and answers GM commands it does not know", async () => {
    const info = { flags: 0x1, flags2: 0, time: 5000, position: { x: -8940.5, y: -120.25, z: 84 }, orientation: 2, fallTime: 0 };
    mage.send(movementCodec(Opcode.MSG_MOVE_HEARTBEAT), { guid: MAGE, info });
    mage.send(movementCodec(Opcode.MSG_MOVE_STOP), { guid: MAGE, info: { ...info, flags: 0, position: { x: -8939.5, y: -119.5, z: 84 } } });
    await eventually("the stop position is tracked", () =>
      sim.sessions().find((session) => session.character?.guid === MAGE && session.character.position.x === -8939.5),
    );
    mage.send(clientChatMessageCodec, say(".gm on"));
    assert.equal((await mage.expect(serverChatMessageCodec)).message, "There is no such command.");
    mage.send(clientChatMessageCodec, say(".go xyz 99999 0"));
    assert.match((await mage.expect(serverChatMessageCodec)).message, /coordinates is invalid/);
  });

  it("teleports with .go xyz: on the same map by MSG_MOVE_TELEPORT_ACK, to another map and back by SMSG_NEW_WORLD", async () => {
    mage.send(clientChatMessageCodec, say(".go xyz -8900.5 -100.5 90.25"));
    const near = await mage.expect(moveTeleportAckServerCodec);
    assert.deepEqual([near.guid, near.info.position], [MAGE, { x: -8900.5, y: -100.5, z: 90.25 }]);
    mage.send(moveTeleportAckClientCodec, { guid: MAGE, counter: near.counter, time: 6000 });
    await eventually("the near teleport ends", () =>
      sim.sessions().find((session) => session.character?.guid === MAGE && session.character.position.x === -8900.5 && !session.character.teleporting),
    );

    mage.send(clientChatMessageCodec, say(".go xyz 1629.5 -4373.25 31.5 1"));
    assert.deepEqual(await mage.expect(transferPendingCodec), { map: 1 });
    assert.deepEqual(await mage.expect(newWorldCodec), { map: 1, position: { x: 1629.5, y: -4373.25, z: 31.5 }, orientation: 2 });
    mage.send(moveWorldportAckCodec, {});
    await mage.next(Opcode.SMSG_COMPRESSED_UPDATE_OBJECT);
    assert.deepEqual(await mage.expect(timeSyncRequestCodec), { counter: 0 });
    mage.send(clientChatMessageCodec, say("zug zug"));
    assert.equal((await orc.expect(serverChatMessageCodec)).senderGuid, MAGE, "the mage now speaks on map 1");

    mage.send(clientChatMessageCodec, say(".go xyz -8913.25 -140.5 80.75 0 3"));
    assert.deepEqual(await mage.expect(newWorldCodec), { map: 0, position: { x: -8913.25, y: -140.5, z: 80.75 }, orientation: 3 });
    mage.send(moveWorldportAckCodec, {});
    await mage.expect(timeSyncRequestCodec);
  });

  it("logs out at once and saves position, map and online = 0 to the characters table", async () => {
    mage.send(logoutRequestCodec, {});
    assert.deepEqual(await mage.expect(logoutResponseCodec), { result: 0, instant: true });
    await mage.expect(logoutCompleteCodec);
    assert.deepEqual(await row(MAGE), {
      position_x: -8913.25, position_y: -140.5, position_z: 80.75, orientation: 3, map: 0, zone: 0, online: 0, money: 1234,
    });
    assert.ok(!sim.sessions().some((session) => session.character?.guid === MAGE), "the mage left the world");
  });

  it("saves a player for a redirect (TC9 0x51F → 0x520), keeps it online and drops the link", async () => {
    warrior.send(movementCodec(Opcode.MSG_MOVE_HEARTBEAT), {
      guid: WARRIOR, info: { flags: 0, flags2: 0, time: 1, position: { x: -8960.5, y: -125.5, z: 83.25 }, orientation: 0.5, fallTime: 0 },
    });
    warrior.send(prepareForRedirectCodec, {});
    assert.deepEqual(await warrior.expect(readyForRedirectCodec), { status: 0 });
    await warrior.closed;
    const saved = await row(WARRIOR);
    assert.deepEqual([saved?.position_x, saved?.position_y, saved?.online], [-8960.5, -125.5, 1]);
    const noPlayer = await connect();
    noPlayer.send(prepareForRedirectCodec, {});
    assert.deepEqual(await noPlayer.expect(readyForRedirectCodec), { status: 1 }, "no player: FAILED");
  });

  it("saves a player whose link drops with online = 0", async () => {
    const lurker = await login(LURKER);
    lurker.send(movementCodec(Opcode.MSG_MOVE_STOP), {
      guid: LURKER, info: { flags: 0, flags2: 0, time: 1, position: { x: -8955.5, y: -135.5, z: 82.5 }, orientation: 1, fallTime: 0 },
    });
    await eventually("the move is tracked", () => sim.sessions().find((s) => s.character?.guid === LURKER && s.character.position.x === -8955.5));
    lurker.destroy();
    const saved = await eventually("the dropped player is saved", async () => {
      const current = await row(LURKER);
      return current?.online === 0 ? current : undefined;
    });
    assert.deepEqual([saved.position_x, saved.position_y, saved.zone], [-8955.5, -135.5, 12]);
  });

  it("ends links that send malformed or oversized frames, unknown opcodes or packets before CMSG_AUTH_SESSION", async () => {
    const junk: Array<[string, Uint8Array]> = [
      ["a header size below the opcode", Uint8Array.of(0x00, 0x02, 0xed, 0x01, 0, 0)],
      ["a frame of 10240 bytes or more", Uint8Array.of(0x28, 0x00, 0xed, 0x01, 0, 0)],
      ["an unknown opcode", encodeClientPacket(0x7ff, new Uint8Array(0))],
      ["a login before authentication", encodeClientPacket(Opcode.CMSG_PLAYER_LOGIN, new Uint8Array(8))],
      ["a truncated auth session", encodeClientPacket(Opcode.CMSG_AUTH_SESSION, new Uint8Array(10))],
    ];
    for (const [what, bytes] of junk) {
      const link = await GatewayLinkClient.connect(sim.gameAddress);
      links.push(link);
      await link.expect(authChallengeCodec);
      link.sendRaw(bytes);
      await eventually(`${what} ends the link`, () => (link.isClosed ? true : undefined));
    }
    const metrics = await (await fetch(`http://${sim.healthAddress}/metrics`)).text();
    assert.match(metrics, /^tc9_sim_link_errors_total 5$/m);
    const healthy = await login(MAGE);
    healthy.send(pingCodec, { sequence: 1, latency: 0 });
    await healthy.expect(pongCodec);
  });
});
