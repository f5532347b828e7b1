// What no real client sends: garbage, oversized and malformed packets, packets out of order, a
// client that vanishes mid-handshake or sits idle. Each ends that connection only; the server keeps
// serving (checked with a real logon after each), and handles 50 logons at once.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { logon } from "@tc9/sdk/testing";
import { LOGON_PROTOCOL_VERSION, LogonCommand, logonChallengeRequestCodec, type ChallengeRequest } from "@tc9/sdk/wow";
import { addAccount, startAuthRealm, type AuthRealm } from "./support/auth-realm.js";
import { openRaw } from "./support/raw-connection.js";

const challenge: ChallengeRequest = {
  protocolVersion: LOGON_PROTOCOL_VERSION,
  gameName: "WoW",
  version: { major: 3, minor: 3, patch: 5, build: 12340 },
  platform: "x86",
  os: "Win",
  locale: "enUS",
  timezoneBias: 0,
  clientIp: "127.0.0.1",
  accountName: "HANK",
};

describe("auth module: bad input and load", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm({ auth: { idleTimeoutMs: 300 } });
    await addAccount(realm.db, "hank", "hill");
    for (let i = 0; i < 50; i++) await addAccount(realm.db, `load${i}`, `pass${i}`);
  });
  after(() => realm.stop());

  const stillServes = async (): Promise<void> => {
    const { sessionKey } = await logon({ host: realm.host, port: realm.port, username: "hank", password: "hill" });
    assert.equal(sessionKey.length, 40);
  };

  /** Sends `bytes` on a fresh connection; the server must close it without answering. */
  const closedWithoutReply = async (bytes: Uint8Array): Promise<void> => {
    const raw = await openRaw(realm.port);
    raw.send(bytes);
    const outcome = await raw.outcome();
    assert.equal(outcome.closedByServer, true);
    assert.equal(outcome.received.length, 0);
  };

  it("closes on an unknown command and on random bytes", async () => {
    await closedWithoutReply(Uint8Array.of(0x42, 0, 0, 0, 0));
    await closedWithoutReply(Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 17) & 0xff));
    await stillServes();
  });

  it("closes on an oversized challenge before reading its body", async () => {
    const header = Uint8Array.of(LogonCommand.LOGON_CHALLENGE, LOGON_PROTOCOL_VERSION, 0xff, 0xff);
    await closedWithoutReply(header);
    await stillServes();
  });

  it("closes on a challenge whose name length contradicts its size, and on a truncated-then-garbled one", async () => {
    const bytes = logonChallengeRequestCodec.encode(challenge).slice();
    bytes[bytes.length - 5] = 9;
    await closedWithoutReply(bytes);
    const utf8Broken = logonChallengeRequestCodec.encode({ ...challenge, accountName: "ABCD" }).slice();
    utf8Broken.set([0xc3, 0x28], utf8Broken.length - 2);
    await closedWithoutReply(utf8Broken);
    await stillServes();
  });

  it("closes on packets out of order: a proof or a realm list request before any challenge", async () => {
    await closedWithoutReply(new Uint8Array([LogonCommand.LOGON_PROOF, ...new Uint8Array(74)]));
    await closedWithoutReply(Uint8Array.of(LogonCommand.REALM_LIST, 0, 0, 0, 0));
    await closedWithoutReply(new Uint8Array([LogonCommand.RECONNECT_PROOF, ...new Uint8Array(57)]));
    await stillServes();
  });

  it("closes on a second challenge on the same connection", async () => {
    const raw = await openRaw(realm.port);
    const hello = logonChallengeRequestCodec.encode(challenge);
    raw.send(hello);
    await sleep(100);
    raw.send(hello);
    const outcome = await raw.outcome();
    assert.equal(outcome.closedByServer, true);
    assert.equal(outcome.received.length, 119, "only the first challenge is answered");
    await stillServes();
  });

  it("survives clients that disconnect mid-handshake, mid-packet or after the challenge", async () => {
    const hello = logonChallengeRequestCodec.encode(challenge);
    const half = await openRaw(realm.port);
    half.send(hello.subarray(0, 10));
    half.socket.destroy();
    const afterChallenge = await openRaw(realm.port);
    afterChallenge.send(hello);
    afterChallenge.socket.destroy();
    const mixed = await Promise.all(Array.from({ length: 20 }, () => openRaw(realm.port)));
    for (const raw of mixed) {
      raw.send(hello);
      raw.socket.destroy();
    }
    await sleep(200);
    await stillServes();
  });

  it("closes idle connections after idleTimeoutMs", async () => {
    const raw = await openRaw(realm.port);
    const started = Date.now();
    const outcome = await raw.outcome(3000);
    assert.equal(outcome.closedByServer, true);
    assert.ok(Date.now() - started >= 250, "not before the idle timeout");
    for (let waited = 0; realm.node.moduleInfo("auth")?.["connections"] !== 0 && waited < 1000; waited += 20) await sleep(20);
    assert.equal(realm.node.moduleInfo("auth")?.["connections"], 0, "the server side of the connection is gone too");
  });

  it("serves 50 concurrent logons, each with its own session key", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => logon({ host: realm.host, port: realm.port, username: `load${i}`, password: `pass${i}` })),
    );
    const stored = await realm.db.queryRows<{ username: string; session_key: Buffer }>(
      "SELECT username, session_key FROM account WHERE username LIKE 'LOAD%'",
    );
    const byName = new Map(stored.map((row) => [row.username, row.session_key]));
    results.forEach((result, i) => assert.deepEqual(new Uint8Array(byName.get(`LOAD${i}`) ?? []), result.sessionKey));
    assert.equal(new Set(results.map((result) => Buffer.from(result.sessionKey).toString("hex"))).size, 50);
  });
});
