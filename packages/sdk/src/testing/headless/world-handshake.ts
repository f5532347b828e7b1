import { randomBytes } from "node:crypto";
import { computeAuthSessionDigest } from "../../wow/crypto/auth-session-digest.js";
import { WorldHeaderCipher } from "../../wow/crypto/header-cipher.js";
import { toUpperLatinOnly } from "../../wow/crypto/srp6-identity.js";
import { Opcode } from "../../wow/opcodes/opcode-table.js";
import { STANDARD_ADDON_CRC } from "../../wow/world/messages/addon-info.js";
import { authChallengeCodec } from "../../wow/world/messages/auth-challenge.js";
import { authResponseCodec, type AuthResponse } from "../../wow/world/messages/auth-response.js";
import { authSessionCodec, type AuthSession } from "../../wow/world/messages/auth-session.js";
import type { ClientAddon } from "../../wow/world/messages/client-addons.js";
import { ResponseCode } from "../../wow/world/messages/response-code.js";
import { HEADLESS_CLIENT_ERROR_CODES, HeadlessClientError } from "./headless-errors.js";
import type { WorldConnection } from "./world-connection.js";

/** What the client proves in CMSG_AUTH_SESSION. */
export interface WorldAuthOptions {
  /** The account name; sent upper-cased, as the game client does. */
  readonly username: string;
  /** K from the logon, 40 bytes. */
  readonly sessionKey: Uint8Array;
  /** The id of the realm picked in the realm list. */
  readonly realmId: number;
  /** Client build; default 12340. */
  readonly build?: number;
  /** The addon list; default a few Blizzard addons, as a client without user addons sends. */
  readonly addons?: readonly ClientAddon[];
  /** How long to wait for the challenge and the response; default 10 000 ms. */
  readonly timeoutMs?: number;
}

/** The Blizzard addons a stock 3.3.5a client lists (all signed with the standard key). */
const STOCK_ADDONS: readonly ClientAddon[] = ["Blizzard_AchievementUI", "Blizzard_AuctionUI", "Blizzard_TalentUI"].map((name) => ({
  name,
  enabled: 1,
  crc: STANDARD_ADDON_CRC,
  urlCrc: 0,
}));

/** The CMSG_AUTH_SESSION a game client builds for a server seed. */
export function buildAuthSession(options: WorldAuthOptions, serverSeed: Uint8Array, clientSeed: Uint8Array = randomBytes(4)): AuthSession {
  const account = toUpperLatinOnly(options.username);
  return {
    build: options.build ?? 12340,
    loginServerId: 0,
    account,
    loginServerType: 0,
    clientSeed,
    regionId: 0,
    battlegroupId: 0,
    realmId: options.realmId,
    dosResponse: 0n,
    digest: computeAuthSessionDigest({ account, clientSeed, serverSeed, sessionKey: options.sessionKey }),
    addonInfo: { addons: options.addons ?? STOCK_ADDONS, lastBannedAddonTimestamp: 0 },
  };
}

/**
 * The client's side of the world handshake: waits for SMSG_AUTH_CHALLENGE, answers with
 * CMSG_AUTH_SESSION (digest over the session key), turns the header cipher on and reads
 * SMSG_AUTH_RESPONSE. Rejects with `authRejected` (and the result code) unless it is AUTH_OK.
 * Call it right after the connection opened, before yielding to I/O, so the challenge is not missed.
 */
export async function authenticateWorld(connection: WorldConnection, options: WorldAuthOptions): Promise<AuthResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const challenge = authChallengeCodec.decode((await connection.waitFor(Opcode.SMSG_AUTH_CHALLENGE, undefined, timeoutMs)).payload);
  const reply = connection.waitFor(Opcode.SMSG_AUTH_RESPONSE, undefined, timeoutMs);
  connection.sendMessage(authSessionCodec, buildAuthSession(options, challenge.serverSeed));
  connection.startEncryption(WorldHeaderCipher.forClient(options.sessionKey));
  const response = authResponseCodec.decode((await reply).payload);
  if (response.result !== ResponseCode.AUTH_OK) {
    const name = Object.entries(ResponseCode).find(([, value]) => value === response.result)?.[0] ?? `0x${response.result.toString(16)}`;
    throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.authRejected, `the world server refused the session: ${name}`, {
      result: response.result,
    });
  }
  return response;
}
