// The headless client's world half against a scripted world server: the handshake digest and
// cipher, the packets each method sends (chat, channels, who, group, guild, teleport, logout) and
// what it answers on its own (time sync, teleport acknowledgement, periodic pings).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  ChatMsg,
  clientChatMessageCodec,
  cmsgGroupInviteCodec,
  cmsgGuildInviteCodec,
  joinChannelCodec,
  Language,
  loginVerifyWorldCodec,
  logoutCompleteCodec,
  moveTeleportAckClientCodec,
  moveTeleportAckServerCodec,
  Opcode,
  pingCodec,
  playerLoginCodec,
  timeSyncRequestCodec,
  timeSyncResponseCodec,
  whoRequestCodec,
  whoResponseCodec,
} from "@tc9/sdk/wow";
import { HeadlessClient } from "@tc9/sdk/testing";
import { addAccount, startAuthRealm, type AuthRealm } from "../auth/support/auth-realm.js";
import { FakeWorldServer } from "./support/fake-world-server.js";

const GUID = 42n;
const SPAWN = { map: 0, position: { x: 1.5, y: 2.5, z: 3.5 }, orientation: 0 };

describe("headless client, world half", () => {
  let auth: AuthRealm;
  let world: FakeWorldServer;
  let client: HeadlessClient;

  before(async () => {
    auth = await startAuthRealm();
    await addAccount(auth.db, "quinn", "secret");
    world = await FakeWorldServer.start(async (account) => {
      const row = await auth.db.queryOne<{ session_key: Buffer }>("SELECT session_key FROM account WHERE username = ?", [account]);
      return new Uint8Array(row?.session_key ?? new Uint8Array(40));
    });
    world.respond(Opcode.CMSG_PLAYER_LOGIN, (_frame, server) => server.send(loginVerifyWorldCodec, SPAWN));
    world.respond(Opcode.CMSG_LOGOUT_REQUEST, (_frame, server) => server.send(logoutCompleteCodec, {}));
    world.respond(Opcode.CMSG_WHO, (_frame, server) =>
      server.send(whoResponseCodec, { matchCount: 1, players: [{ name: "Quinny", guildName: "", level: 5, classId: 1, race: 1, gender: 0, zone: 12 }] }),
    );
    client = new HeadlessClient({ auth: { host: auth.host, port: auth.port }, username: "quinn", password: "secret", timeoutMs: 3_000, pingIntervalMs: 100 });
  });

  after(async () => {
    client?.close();
    await world?.close();
    await auth?.stop();
  });

  it("authenticates with the digest over K and then speaks through the header cipher", async () => {
    await client.logon();
    await client.connectWorld({ address: `127.0.0.1:${world.port}`, id: 1 });
    const location = await client.enterWorld(GUID);
    assert.deepEqual(location, SPAWN);
    assert.deepEqual(playerLoginCodec.decode((await world.next(Opcode.CMSG_PLAYER_LOGIN)).payload), { guid: GUID });
    assert.equal(client.player?.guid, GUID);
  });

  it("answers time sync requests and pings on its own", async () => {
    world.send(timeSyncRequestCodec, { counter: 3 });
    assert.equal(timeSyncResponseCodec.decode((await world.next(Opcode.CMSG_TIME_SYNC_RESP)).payload).counter, 3);
    const first = pingCodec.decode((await world.next(Opcode.CMSG_PING)).payload);
    const second = pingCodec.decode((await world.next(Opcode.CMSG_PING)).payload);
    assert.equal(second.sequence, first.sequence + 1);
  });

  it("sends chat, channel, group and guild requests as the game client writes them", async () => {
    client.say("hello");
    client.whisper("Bob", "psst");
    client.joinChannel("world");
    client.sendChannel("world", "anyone?");
    client.groupInvite("Bob");
    client.groupAccept();
    client.guildInvite("Bob");
    client.guildAccept();
    const chats = [];
    for (let index = 0; index < 3; index++) chats.push(clientChatMessageCodec.decode((await world.next(Opcode.CMSG_MESSAGECHAT)).payload));
    assert.deepEqual(chats, [
      { type: ChatMsg.SAY, language: Language.COMMON, message: "hello" },
      { type: ChatMsg.WHISPER, language: Language.COMMON, target: "Bob", message: "psst" },
      { type: ChatMsg.CHANNEL, language: Language.COMMON, channel: "world", message: "anyone?" },
    ]);
    assert.equal(joinChannelCodec.decode((await world.next(Opcode.CMSG_JOIN_CHANNEL)).payload).channelName, "world");
    assert.deepEqual(cmsgGroupInviteCodec.decode((await world.next(Opcode.CMSG_GROUP_INVITE)).payload), { name: "Bob" });
    await world.next(Opcode.CMSG_GROUP_ACCEPT);
    assert.deepEqual(cmsgGuildInviteCodec.decode((await world.next(Opcode.CMSG_GUILD_INVITE)).payload), { name: "Bob" });
    await world.next(Opcode.CMSG_GUILD_ACCEPT);
  });

  it("asks who is online and resolves with the answer", async () => {
    const answer = await client.who({ playerName: "Quinny" });
    assert.equal(answer.players[0]?.name, "Quinny");
    assert.equal(whoRequestCodec.decode((await world.next(Opcode.CMSG_WHO)).payload).playerName, "Quinny");
  });

  it("teleports with .go xyz and acknowledges the move", async () => {
    world.respond(Opcode.CMSG_MESSAGECHAT, (frame, server) => {
      const { message } = clientChatMessageCodec.decode(frame.payload);
      if (!message.startsWith(".go xyz")) return;
      const info = { flags: 0, flags2: 0, time: 0, position: { x: 10, y: 20, z: 30 }, orientation: 1, fallTime: 0 };
      server.send(moveTeleportAckServerCodec, { guid: GUID, counter: 9, info });
    });
    const moved = await client.teleport(10, 20, 30);
    assert.deepEqual(moved.position, { x: 10, y: 20, z: 30 });
    const command = clientChatMessageCodec.decode((await world.next(Opcode.CMSG_MESSAGECHAT)).payload);
    assert.equal(command.message, ".go xyz 10 20 30 0");
    const ack = moveTeleportAckClientCodec.decode((await world.next(Opcode.MSG_MOVE_TELEPORT_ACK)).payload);
    assert.deepEqual([ack.guid, ack.counter], [GUID, 9]);
  });

  it("logs out on SMSG_LOGOUT_COMPLETE and then refuses in-world calls", async () => {
    await client.logout();
    assert.equal(client.player, undefined);
    assert.throws(() => client.say("anyone?"), /enterWorld/);
  });
});
