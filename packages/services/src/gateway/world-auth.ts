import {
  ALL_TUTORIALS_SEEN,
  authResponseCodec,
  buildAddonInfoReply,
  clientCacheVersionCodec,
  createAddonInfoCodec,
  Expansion,
  ResponseCode,
  tutorialFlagsCodec,
  verifyAuthSessionDigest,
  WorldHeaderCipher,
  type AuthSession,
  type ResponseCodeValue,
} from "@tc9/sdk/wow";
import type { AuthFailureReason } from "./gateway-metrics.js";
import type { WorldAccount } from "./world-accounts.js";

/** The handshake's verdict on a CMSG_AUTH_SESSION. */
export type AuthVerdict =
  | { readonly ok: true; readonly account: WorldAccount; readonly cipher: WorldHeaderCipher }
  | {
      readonly ok: false;
      readonly reason: AuthFailureReason;
      /** The SMSG_AUTH_RESPONSE result to send before closing. */
      readonly result: ResponseCodeValue;
      /** Encrypts the refusal's header when the account is known (the client reads it with its K). */
      readonly cipher?: WorldHeaderCipher;
    };

/** Where the session came from and what it must match. */
export interface AuthContext {
  /** The 4 seed bytes of the SMSG_AUTH_CHALLENGE this connection was sent. */
  readonly serverSeed: Uint8Array;
  /** The realm this gateway serves. */
  readonly realmId: number;
  /** The client's IP, compared with `last_ip` for accounts locked to their IP. */
  readonly peerIp: string;
}

/**
 * Checks CMSG_AUTH_SESSION the way AzerothCore's `WorldSocket::HandleAuthSessionCallback` does,
 * in its order: an unknown account (or one without a session key) is refused in clear with
 * AUTH_UNKNOWN_ACCOUNT; from then on the refusal is encrypted with the stored K, as the client
 * expects: a different realm id gives REALM_LIST_REALM_NOT_FOUND, a wrong digest AUTH_FAILED, an
 * account locked to another IP AUTH_FAILED, an active ban AUTH_BANNED.
 */
export function judgeAuthSession(session: AuthSession, account: WorldAccount | undefined, context: AuthContext): AuthVerdict {
  if (!account) return { ok: false, reason: "unknown_account", result: ResponseCode.AUTH_UNKNOWN_ACCOUNT };
  const cipher = WorldHeaderCipher.forServer(account.sessionKey);
  const refuse = (reason: AuthFailureReason, result: ResponseCodeValue): AuthVerdict => ({ ok: false, reason, result, cipher });
  if (session.realmId !== context.realmId) return refuse("wrong_realm", ResponseCode.REALM_LIST_REALM_NOT_FOUND);
  const digestInput = { account: session.account, clientSeed: session.clientSeed, serverSeed: context.serverSeed, sessionKey: account.sessionKey };
  if (!verifyAuthSessionDigest(digestInput, session.digest)) return refuse("wrong_digest", ResponseCode.AUTH_FAILED);
  if (account.lockedToIp && account.lastIp !== context.peerIp) return refuse("locked_ip", ResponseCode.AUTH_FAILED);
  if (account.banned) return refuse("banned", ResponseCode.AUTH_BANNED);
  return { ok: true, account, cipher };
}

/** One packet to send: opcode and payload. */
export interface OutgoingPacket {
  readonly opcode: number;
  readonly payload: Uint8Array;
}

/**
 * What a successful authentication sends, in AzerothCore's order: SMSG_AUTH_RESPONSE (AUTH_OK with
 * the billing block and the account's expansion, capped at Wrath), SMSG_ADDON_INFO for the
 * client's addon list, SMSG_CLIENTCACHE_VERSION and SMSG_TUTORIAL_FLAGS (every tutorial seen, as
 * ToCloud9's gateway sends; the per-account tutorials live in a table tc9 does not read).
 */
export function welcomePackets(session: AuthSession, account: WorldAccount, clientCacheVersion: number): OutgoingPacket[] {
  const expansion = Math.min(account.expansion, Expansion.WRATH_OF_THE_LICH_KING);
  const addons = session.addonInfo.addons;
  const addonInfoCodec = createAddonInfoCodec(addons.length);
  return [
    {
      opcode: authResponseCodec.opcode,
      payload: authResponseCodec.encode({
        result: ResponseCode.AUTH_OK,
        billing: { timeRemaining: 0, planFlags: 0, timeRested: 0, expansion },
      }),
    },
    { opcode: addonInfoCodec.opcode, payload: addonInfoCodec.encode(buildAddonInfoReply(addons)) },
    { opcode: clientCacheVersionCodec.opcode, payload: clientCacheVersionCodec.encode({ version: clientCacheVersion }) },
    { opcode: tutorialFlagsCodec.opcode, payload: tutorialFlagsCodec.encode(ALL_TUTORIALS_SEEN) },
  ];
}
