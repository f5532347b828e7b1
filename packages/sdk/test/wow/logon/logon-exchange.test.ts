import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeRegistrationData } from "../../../src/wow/crypto/account-credentials.js";
import { createReconnectProof, Srp6Client } from "../../../src/wow/crypto/srp6-client.js";
import { SRP6_GENERATOR_BYTES, SRP6_LARGE_SAFE_PRIME_BYTES } from "../../../src/wow/crypto/srp6-constants.js";
import { createReconnectChallenge, Srp6Server, verifyReconnectProof } from "../../../src/wow/crypto/srp6-server.js";
import {
  AuthResult,
  AZEROTHCORE_ACCOUNT_FLAGS,
  AZEROTHCORE_VERSION_CHALLENGE,
  createLogonSplitter,
  LOGON_PROTOCOL_VERSION,
  LogonCommand,
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  logonProofRequestCodec,
  logonProofResponseCodec,
  RealmFlag,
  realmListRequestCodec,
  realmListResponseCodec,
  RealmType,
  reconnectChallengeRequestCodec,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
  type ChallengeRequest,
  type LogonPacket,
  type LogonSplitter,
  type RealmListResponse,
} from "../../../src/wow/logon/index.js";

/** A TCP pipe in one direction: the sender's bytes arrive in 7-byte pieces and are split again. */
function deliver(splitter: LogonSplitter, bytes: Uint8Array): LogonPacket {
  const packets: LogonPacket[] = [];
  for (let offset = 0; offset < bytes.length; offset += 7) packets.push(...splitter.push(bytes.subarray(offset, offset + 7)));
  assert.equal(packets.length, 1);
  assert.equal(splitter.bufferedBytes, 0);
  const [packet] = packets;
  assert.ok(packet);
  return packet;
}

const clientHello: ChallengeRequest = {
  protocolVersion: LOGON_PROTOCOL_VERSION,
  gameName: "WoW",
  version: { major: 3, minor: 3, patch: 5, build: 12340 },
  platform: "x86",
  os: "Win",
  locale: "enUS",
  timezoneBias: 60,
  clientIp: "127.0.0.1",
  accountName: "TC9TEST",
};

const realmList: RealmListResponse = {
  realms: [
    {
      type: RealmType.PVP,
      locked: false,
      flags: RealmFlag.NONE,
      name: "tc9",
      address: "127.0.0.1:8085",
      population: 0.5,
      characterCount: 2,
      timezone: 1,
      id: 1,
    },
  ],
};

describe("a full logon exchange through the codecs and the SRP6 halves", () => {
  it("logs in, fetches the realm list and reconnects with the session key", () => {
    const account = makeRegistrationData("tc9test", "secret");
    const toServer = createLogonSplitter("client-to-server");
    const toClient = createLogonSplitter("server-to-client");

    // Client → server: logon challenge.
    const challengePacket = deliver(toServer, logonChallengeRequestCodec.encode(clientHello));
    assert.equal(challengePacket.command, LogonCommand.LOGON_CHALLENGE);
    const challenge = logonChallengeRequestCodec.decode(challengePacket.bytes);
    assert.equal(challenge.accountName, "TC9TEST");

    // Server → client: B, g, N, salt.
    const server = new Srp6Server({ username: challenge.accountName, salt: account.salt, verifier: account.verifier });
    const replyPacket = deliver(
      toClient,
      logonChallengeResponseCodec.encode({
        kind: "success",
        serverPublicKey: server.serverPublicKey,
        generator: SRP6_GENERATOR_BYTES,
        largeSafePrime: SRP6_LARGE_SAFE_PRIME_BYTES,
        salt: server.salt,
        versionChallenge: AZEROTHCORE_VERSION_CHALLENGE,
      }),
    );
    assert.equal(replyPacket.bytes.length, 119);
    const reply = logonChallengeResponseCodec.decode(replyPacket.bytes);
    assert.equal(reply.kind, "success");
    if (reply.kind !== "success") return;

    // Client → server: A and M1.
    const client = new Srp6Client({
      username: "tc9test",
      password: "secret",
      salt: reply.salt,
      serverPublicKey: reply.serverPublicKey,
      generator: reply.generator,
      largeSafePrime: reply.largeSafePrime,
    });
    const proofPacket = deliver(
      toServer,
      logonProofRequestCodec.encode({
        clientPublicKey: client.clientPublicKey,
        clientProof: client.clientProof,
        crcHash: new Uint8Array(20),
        numberOfKeys: 0,
      }),
    );
    assert.equal(proofPacket.bytes.length, 75);
    const proof = logonProofRequestCodec.decode(proofPacket.bytes);
    const verification = server.verifyClientProof(proof.clientPublicKey, proof.clientProof);
    assert.equal(verification.ok, true);
    if (!verification.ok) return;

    // Server → client: M2.
    const proofReplyPacket = deliver(
      toClient,
      logonProofResponseCodec.encode({
        kind: "success",
        serverProof: verification.serverProof,
        accountFlags: AZEROTHCORE_ACCOUNT_FLAGS,
        surveyId: 0,
        loginFlags: 0,
      }),
    );
    const proofReply = logonProofResponseCodec.decode(proofReplyPacket.bytes);
    assert.equal(proofReply.kind, "success");
    if (proofReply.kind !== "success") return;
    assert.equal(client.verifyServerProof(proofReply.serverProof), true);
    assert.deepEqual(client.sessionKey, verification.sessionKey);

    // Realm list.
    const realmRequest = deliver(toServer, realmListRequestCodec.encode({}));
    assert.equal(realmRequest.command, LogonCommand.REALM_LIST);
    const realmReply = deliver(toClient, realmListResponseCodec.encode(realmList));
    assert.deepEqual(realmListResponseCodec.decode(realmReply.bytes), realmList);

    // Reconnect with K from the logon.
    const reconnectPacket = deliver(toServer, reconnectChallengeRequestCodec.encode(clientHello));
    assert.equal(reconnectChallengeRequestCodec.decode(reconnectPacket.bytes).accountName, "TC9TEST");
    const serverChallenge = createReconnectChallenge();
    const reconnectReply = reconnectChallengeResponseCodec.decode(
      deliver(
        toClient,
        reconnectChallengeResponseCodec.encode({ kind: "success", challengeData: serverChallenge, versionChallenge: AZEROTHCORE_VERSION_CHALLENGE }),
      ).bytes,
    );
    assert.equal(reconnectReply.kind, "success");
    if (reconnectReply.kind !== "success") return;
    const reconnectProof = createReconnectProof({
      username: "tc9test",
      serverChallenge: reconnectReply.challengeData,
      sessionKey: client.sessionKey,
    });
    const reconnectRequest = reconnectProofRequestCodec.decode(
      deliver(
        toServer,
        reconnectProofRequestCodec.encode({ ...reconnectProof, clientChecksum: new Uint8Array(20), numberOfKeys: 0 }),
      ).bytes,
    );
    assert.equal(
      verifyReconnectProof({ username: challenge.accountName, serverChallenge, sessionKey: verification.sessionKey, ...reconnectRequest }),
      true,
    );
    const reconnectDone = deliver(toClient, reconnectProofResponseCodec.encode({ result: AuthResult.WOW_SUCCESS, loginFlags: 0 }));
    assert.deepEqual(reconnectProofResponseCodec.decode(reconnectDone.bytes), { result: 0, loginFlags: 0 });
  });

  it("fails a wrong password with AzerothCore's 4-byte proof reply", () => {
    const account = makeRegistrationData("tc9test", "secret");
    const server = new Srp6Server({ username: "TC9TEST", salt: account.salt, verifier: account.verifier });
    const client = new Srp6Client({ username: "tc9test", password: "wrong", salt: server.salt, serverPublicKey: server.serverPublicKey });
    const request = logonProofRequestCodec.decode(
      logonProofRequestCodec.encode({ clientPublicKey: client.clientPublicKey, clientProof: client.clientProof, crcHash: new Uint8Array(20), numberOfKeys: 0 }),
    );
    assert.equal(server.verifyClientProof(request.clientPublicKey, request.clientProof).ok, false);
    const toClient = createLogonSplitter("server-to-client");
    const packet = deliver(toClient, logonProofResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT, loginFlags: 0 }));
    assert.equal(packet.bytes.length, 4);
  });
});
