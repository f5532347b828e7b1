// The world handshake refusing what it must: wrong digests, a session replayed under another
// server seed, unknown and banned accounts, another realm, garbage and oversized frames, clients
// that never authenticate or go idle. Each gets AzerothCore's SMSG_AUTH_RESPONSE code or a clean
// disconnect, and the session gauge returns to 0.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { encodeClientHeader, ResponseCode } from "@tc9/sdk/wow";
import { banAccount } from "../../src/auth/index.js";
import { noSessionsLeft, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { openRawWorld, sendAuthSession, sessionFor, sessionKeyOf, type RawWorld } from "./support/raw-world.js";

describe("gateway: refused handshakes", () => {
  let realm: GatewayRealm;
  let port: number;
  let davidKey: Uint8Array;
  const opened: RawWorld[] = [];

  async function open(): Promise<RawWorld> {
    const raw = await openRawWorld(port);
    opened.push(raw);
    return raw;
  }

  const failures = (reason: string): Promise<number> => realm.metric("tc9_gateway_auth_failures_total", "gateway", { reason });

  before(async () => {
    realm = await startGatewayRealm({ gatewayOptions: { authTimeoutMs: 600, idleTimeoutMs: 900 } });
    port = realm.gateways[0]?.port ?? 0;
    await realm.addAccount("david", "secret");
    davidKey = await sessionKeyOf(realm, "david", "secret");
  });

  after(async () => {
    for (const raw of opened) raw.connection.close();
    await realm?.stop();
  });

  it("accepts the right digest and answers AUTH_OK (the baseline)", async () => {
    const raw = await open();
    assert.equal(await sendAuthSession(raw, sessionFor(raw, "david", davidKey), davidKey), ResponseCode.AUTH_OK);
    raw.connection.close();
    await noSessionsLeft(realm);
  });

  it("refuses a wrong digest with AUTH_FAILED, encrypted with the stored key, and closes", async () => {
    const raw = await open();
    const session = sessionFor(raw, "david", davidKey);
    const digest = Uint8Array.from(session.digest);
    digest[0] = (digest[0] ?? 0) ^ 0xff;
    assert.equal(await sendAuthSession(raw, { ...session, digest }, davidKey), ResponseCode.AUTH_FAILED);
    await raw.connection.whenClosed();
    assert.equal(await failures("wrong_digest"), 1);
    await noSessionsLeft(realm);
  });

  it("refuses a CMSG_AUTH_SESSION replayed on a connection with another server seed", async () => {
    const first = await open();
    const captured = sessionFor(first, "david", davidKey);
    first.connection.close();
    const second = await open();
    assert.notDeepEqual(second.challenge.serverSeed, first.challenge.serverSeed);
    assert.equal(await sendAuthSession(second, captured, davidKey), ResponseCode.AUTH_FAILED);
    await second.connection.whenClosed();
    await noSessionsLeft(realm);
  });

  it("refuses an unknown account in clear with AUTH_UNKNOWN_ACCOUNT", async () => {
    const raw = await open();
    assert.equal(await sendAuthSession(raw, sessionFor(raw, "nobody", davidKey)), ResponseCode.AUTH_UNKNOWN_ACCOUNT);
    await raw.connection.whenClosed();
    assert.equal(await failures("unknown_account"), 1);
  });

  it("refuses another realm id with REALM_LIST_REALM_NOT_FOUND", async () => {
    const raw = await open();
    assert.equal(await sendAuthSession(raw, sessionFor(raw, "david", davidKey, 2), davidKey), ResponseCode.REALM_LIST_REALM_NOT_FOUND);
    await raw.connection.whenClosed();
    assert.equal(await failures("wrong_realm"), 1);
  });

  it("refuses a banned account with AUTH_BANNED", async () => {
    await realm.addAccount("eve", "secret");
    const eveKey = await sessionKeyOf(realm, "eve", "secret");
    await banAccount(realm.auth, { username: "eve", durationSeconds: 3600, reason: "test", bannedBy: "GM" });
    const raw = await open();
    assert.equal(await sendAuthSession(raw, sessionFor(raw, "eve", eveKey), eveKey), ResponseCode.AUTH_BANNED);
    await raw.connection.whenClosed();
    assert.equal(await failures("banned"), 1);
    await noSessionsLeft(realm);
  });

  it("closes on malformed and oversized frames and on packets before authentication", async () => {
    const malformedBefore = await realm.metric("tc9_gateway_connection_errors_total", "gateway", { kind: "malformed" });
    const tooSmall = await open();
    tooSmall.connection.sendRaw(Uint8Array.of(0x00, 0x02, 0xed, 0x01, 0x00, 0x00));
    const oversized = await open();
    oversized.connection.sendRaw(Uint8Array.of(0xff, 0xff, 0xed, 0x01, 0x00, 0x00, 1, 2, 3));
    const early = await open();
    early.connection.sendRaw(new Uint8Array([...encodeClientHeader(0x037, 0)]));
    const brokenSession = await open();
    brokenSession.connection.sendRaw(new Uint8Array([...encodeClientHeader(0x1ed, 3), 1, 2, 3]));
    for (const raw of [tooSmall, oversized, early, brokenSession]) await raw.connection.whenClosed();
    assert.equal(await realm.metric("tc9_gateway_connection_errors_total", "gateway", { kind: "malformed" }), malformedBefore + 4);
    await noSessionsLeft(realm);
  });

  it("disconnects a client that does not authenticate in time, and one that goes idle", async () => {
    const started = Date.now();
    const silent = await open();
    assert.match(await silent.connection.whenClosed(), /closed/);
    assert.ok(Date.now() - started >= 590, "not before the authentication timeout");
    assert.equal(await failures("timeout"), 1);
    const idle = await open();
    assert.equal(await sendAuthSession(idle, sessionFor(idle, "david", davidKey), davidKey), ResponseCode.AUTH_OK);
    await idle.connection.whenClosed();
    assert.equal(await realm.metric("tc9_gateway_connection_errors_total", "gateway", { kind: "idle" }), 1);
    await noSessionsLeft(realm);
  });
});
