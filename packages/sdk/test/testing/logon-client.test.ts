// The headless client's logon half against a small authserver peer written here from the SDK's
// server-side codecs and Srp6Server (the services' real auth module is tested against this client
// in packages/services/test/auth). The peer can be told to misbehave, to exercise every error path.
import assert from "node:assert/strict";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { LOGON_CLIENT_ERROR_CODES, LogonClientError, logon, reconnect } from "../../src/testing/index.js";
import {
  AuthResult,
  AZEROTHCORE_ACCOUNT_FLAGS,
  AZEROTHCORE_VERSION_CHALLENGE,
  createLogonSplitter,
  createReconnectChallenge,
  LogonCommand,
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  logonProofRequestCodec,
  logonProofResponseCodec,
  makeRegistrationData,
  RealmFlag,
  realmListResponseCodec,
  RealmType,
  reconnectChallengeRequestCodec,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
  SRP6_GENERATOR_BYTES,
  SRP6_LARGE_SAFE_PRIME_BYTES,
  Srp6Server,
  verifyReconnectProof,
  type ChallengeRequest,
  type RealmEntry,
} from "../../src/wow/index.js";

type Misbehaviour = "none" | "suspend-account" | "forge-m2" | "silent" | "close-after-challenge" | "send-garbage";

const account = makeRegistrationData("tester", "secret");
const realms: RealmEntry[] = [
  { type: RealmType.PVP, locked: false, flags: RealmFlag.NONE, name: "Peer", address: "127.0.0.1:8085", population: 0, characterCount: 2, timezone: 1, id: 1 },
];

/** A one-account authserver peer; `misbehaviour` picks how it deviates from the protocol. */
class PeerAuthserver {
  misbehaviour: Misbehaviour = "none";
  readonly challenges: ChallengeRequest[] = [];
  readonly sessionKeys = new Map<string, Uint8Array>();
  readonly #server: Server = createServer((socket) => this.#serve(socket));
  readonly #sockets = new Set<Socket>();

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    return (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #serve(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once("close", () => this.#sockets.delete(socket));
    const splitter = createLogonSplitter("client-to-server");
    let srp: Srp6Server | undefined;
    let challenge: ChallengeRequest | undefined;
    let reconnectData: Uint8Array | undefined;
    socket.on("data", (chunk) => {
      for (const packet of splitter.push(chunk)) {
        if (this.misbehaviour === "silent" || socket.writableEnded) continue;
        if (this.misbehaviour === "send-garbage") {
          socket.write(Uint8Array.of(0x7f, 1, 2, 3));
          continue;
        }
        switch (packet.command) {
          case LogonCommand.LOGON_CHALLENGE: {
            challenge = logonChallengeRequestCodec.decode(packet.bytes);
            this.challenges.push(challenge);
            if (this.misbehaviour === "suspend-account") {
              socket.end(logonChallengeResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_SUSPENDED }));
              break;
            }
            srp = new Srp6Server({ username: account.username, salt: account.salt, verifier: account.verifier });
            socket.write(
              logonChallengeResponseCodec.encode({
                kind: "success",
                serverPublicKey: srp.serverPublicKey,
                generator: SRP6_GENERATOR_BYTES,
                largeSafePrime: SRP6_LARGE_SAFE_PRIME_BYTES,
                salt: srp.salt,
                versionChallenge: AZEROTHCORE_VERSION_CHALLENGE,
              }),
            );
            if (this.misbehaviour === "close-after-challenge") socket.end();
            break;
          }
          case LogonCommand.LOGON_PROOF: {
            const proof = logonProofRequestCodec.decode(packet.bytes);
            const verification = srp?.verifyClientProof(proof.clientPublicKey, proof.clientProof);
            if (!verification?.ok) {
              socket.end(logonProofResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT, loginFlags: 0 }));
              break;
            }
            this.sessionKeys.set(challenge?.accountName ?? "", verification.sessionKey);
            const serverProof = this.misbehaviour === "forge-m2" ? new Uint8Array(20) : verification.serverProof;
            socket.write(logonProofResponseCodec.encode({ kind: "success", serverProof, accountFlags: AZEROTHCORE_ACCOUNT_FLAGS, surveyId: 0, loginFlags: 0 }));
            break;
          }
          case LogonCommand.RECONNECT_CHALLENGE: {
            challenge = reconnectChallengeRequestCodec.decode(packet.bytes);
            reconnectData = createReconnectChallenge();
            socket.write(reconnectChallengeResponseCodec.encode({ kind: "success", challengeData: reconnectData, versionChallenge: AZEROTHCORE_VERSION_CHALLENGE }));
            break;
          }
          case LogonCommand.RECONNECT_PROOF: {
            const proof = reconnectProofRequestCodec.decode(packet.bytes);
            const sessionKey = this.sessionKeys.get(challenge?.accountName ?? "");
            const valid =
              sessionKey !== undefined &&
              reconnectData !== undefined &&
              verifyReconnectProof({ username: account.username, clientData: proof.clientData, serverChallenge: reconnectData, sessionKey, clientProof: proof.clientProof });
            if (!valid) socket.destroy();
            else socket.write(reconnectProofResponseCodec.encode({ result: AuthResult.WOW_SUCCESS, loginFlags: 0 }));
            break;
          }
          case LogonCommand.REALM_LIST:
            socket.write(realmListResponseCodec.encode({ realms }));
            break;
        }
      }
    });
  }
}

describe("headless logon client", () => {
  const peer = new PeerAuthserver();
  let port = 0;
  before(async () => (port = await peer.listen()));
  after(() => peer.close());

  const rejectsWith = async (promise: Promise<unknown>, code: string, stage: string, result?: number): Promise<void> => {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof LogonClientError, String(error));
      assert.equal(error.code, code);
      assert.equal(error.stage, stage);
      assert.equal(error.result, result);
      return true;
    });
  };

  it("logs in like a 3.3.5a client: challenge fields, SRP6 session key, realm list", async () => {
    peer.misbehaviour = "none";
    const result = await logon({ host: "127.0.0.1", port, username: "tester", password: "secret", locale: "deDE", timezoneBias: 60 });
    const challenge = peer.challenges.at(-1);
    assert.deepEqual(challenge, {
      protocolVersion: 8,
      gameName: "WoW",
      version: { major: 3, minor: 3, patch: 5, build: 12340 },
      platform: "x86",
      os: "Win",
      locale: "deDE",
      timezoneBias: 60,
      clientIp: "127.0.0.1",
      accountName: "TESTER",
    });
    assert.deepEqual(result.sessionKey, peer.sessionKeys.get("TESTER"));
    assert.equal(result.sessionKey.length, 40);
    assert.equal(result.accountFlags, AZEROTHCORE_ACCOUNT_FLAGS);
    assert.equal(result.realms.length, 1);
    assert.equal(result.realms[0]?.address, "127.0.0.1:8085");
    assert.equal(result.realms[0]?.characterCount, 2);
  });

  it("reconnects with the session key of the earlier logon, and fails with a wrong one", async () => {
    peer.misbehaviour = "none";
    const { sessionKey } = await logon({ host: "127.0.0.1", port, username: "tester", password: "secret" });
    const again = await reconnect({ host: "127.0.0.1", port, username: "tester", sessionKey });
    assert.equal(again.realms[0]?.name, "Peer");
    await rejectsWith(
      reconnect({ host: "127.0.0.1", port, username: "tester", sessionKey: new Uint8Array(40) }),
      LOGON_CLIENT_ERROR_CODES.connectionClosed,
      "reconnect-proof",
    );
  });

  it("reports the server's AuthResult for a wrong password and a refused challenge", async () => {
    peer.misbehaviour = "none";
    await rejectsWith(logon({ host: "127.0.0.1", port, username: "tester", password: "wrong" }), LOGON_CLIENT_ERROR_CODES.rejected, "proof", AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    peer.misbehaviour = "suspend-account";
    await rejectsWith(logon({ host: "127.0.0.1", port, username: "tester", password: "secret" }), LOGON_CLIENT_ERROR_CODES.rejected, "challenge", AuthResult.WOW_FAIL_SUSPENDED);
  });

  it("refuses a server whose M2 does not prove the verifier", async () => {
    peer.misbehaviour = "forge-m2";
    await rejectsWith(logon({ host: "127.0.0.1", port, username: "tester", password: "secret" }), LOGON_CLIENT_ERROR_CODES.serverProofInvalid, "proof");
  });

  it("fails cleanly on a closed connection, silence, garbage and an unreachable server", async () => {
    peer.misbehaviour = "close-after-challenge";
    await rejectsWith(logon({ host: "127.0.0.1", port, username: "tester", password: "secret" }), LOGON_CLIENT_ERROR_CODES.connectionClosed, "proof");
    peer.misbehaviour = "silent";
    await rejectsWith(logon({ host: "127.0.0.1", port, username: "tester", password: "secret", timeoutMs: 200 }), LOGON_CLIENT_ERROR_CODES.timeout, "challenge");
    peer.misbehaviour = "send-garbage";
    await rejectsWith(logon({ host: "127.0.0.1", port, username: "tester", password: "secret" }), LOGON_CLIENT_ERROR_CODES.unexpectedReply, "challenge");
    const unused = createServer();
    await new Promise<void>((resolve) => unused.listen(0, "127.0.0.1", resolve));
    const closedPort = (unused.address() as AddressInfo).port;
    await new Promise<void>((resolve) => unused.close(() => resolve()));
    await rejectsWith(logon({ host: "127.0.0.1", port: closedPort, username: "tester", password: "secret" }), LOGON_CLIENT_ERROR_CODES.connectFailed, "connect");
  });
});
