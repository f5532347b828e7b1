/**
 * The world handshake done by hand, for tests that send what a real client never would: a wrong
 * digest, a session replayed on another connection, raw bytes.
 */
import { randomBytes } from "node:crypto";
import {
  authChallengeCodec,
  authResponseCodec,
  authSessionCodec,
  Opcode,
  WorldHeaderCipher,
  type AuthChallenge,
  type AuthSession,
} from "@tc9/sdk/wow";
import { buildAuthSession, logon, WorldConnection } from "@tc9/sdk/testing";
import type { GatewayRealm } from "./gateway-realm.js";

/** An open connection to a gateway and the challenge it sent. */
export interface RawWorld {
  readonly connection: WorldConnection;
  readonly challenge: AuthChallenge;
}

/** Connects to a gateway's game port and reads SMSG_AUTH_CHALLENGE. */
export async function openRawWorld(port: number): Promise<RawWorld> {
  const connection = await WorldConnection.open({ host: "127.0.0.1", port, timeoutMs: 3_000 });
  const challenge = authChallengeCodec.decode((await connection.waitFor(Opcode.SMSG_AUTH_CHALLENGE, undefined, 3_000)).payload);
  return { connection, challenge };
}

/** Logs an account on and returns its session key K. */
export async function sessionKeyOf(realm: GatewayRealm, username: string, password: string): Promise<Uint8Array> {
  return (await logon({ host: "127.0.0.1", port: realm.authPort, username, password })).sessionKey;
}

/**
 * Sends `session`, turns the header cipher on with `cipherKey` (the key the client believes in)
 * and returns the SMSG_AUTH_RESPONSE result.
 */
export async function sendAuthSession(raw: RawWorld, session: AuthSession, cipherKey: Uint8Array = randomBytes(40)): Promise<number> {
  const reply = raw.connection.waitFor(Opcode.SMSG_AUTH_RESPONSE, undefined, 3_000);
  raw.connection.sendMessage(authSessionCodec, session);
  raw.connection.startEncryption(WorldHeaderCipher.forClient(cipherKey));
  return authResponseCodec.decode((await reply).payload).result;
}

/** A CMSG_AUTH_SESSION for this connection's challenge. */
export function sessionFor(raw: RawWorld, username: string, sessionKey: Uint8Array, realmId = 1): AuthSession {
  return buildAuthSession({ username, sessionKey, realmId }, raw.challenge.serverSeed);
}
