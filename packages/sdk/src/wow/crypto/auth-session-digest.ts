import { createHash } from "node:crypto";
import { bytesEqualConstantTime } from "./bytes.js";
import { requireLength } from "./errors.js";
import { SRP6_PROOF_LENGTH, SRP6_SESSION_KEY_LENGTH } from "./srp6-constants.js";
import { utf8Bytes } from "./srp6-identity.js";

/** Length of the client and server seeds of the world handshake. */
export const AUTH_SEED_LENGTH = 4;

const FOUR_ZERO_BYTES = new Uint8Array(4);

/** Inputs of the CMSG_AUTH_SESSION digest. */
export interface AuthSessionDigestInput {
  /**
   * The account name exactly as CMSG_AUTH_SESSION carries it (the client sends it upper-cased).
   * Hashed as received, like AzerothCore's WorldSocket: no case change here.
   */
  readonly account: string;
  /** The client's 4 seed bytes from CMSG_AUTH_SESSION (`LocalChallenge` in AzerothCore). */
  readonly clientSeed: Uint8Array;
  /** The server's 4 seed bytes from SMSG_AUTH_CHALLENGE. */
  readonly serverSeed: Uint8Array;
  /** K from the logon (`account.session_key`), 40 bytes. */
  readonly sessionKey: Uint8Array;
}

/** `SHA1(account ‖ u32 0 ‖ clientSeed ‖ serverSeed ‖ K)`: the 20-byte digest of CMSG_AUTH_SESSION. */
export function computeAuthSessionDigest(input: AuthSessionDigestInput): Uint8Array {
  requireLength(input.clientSeed, AUTH_SEED_LENGTH, "client seed (CMSG_AUTH_SESSION)");
  requireLength(input.serverSeed, AUTH_SEED_LENGTH, "server seed (SMSG_AUTH_CHALLENGE)");
  requireLength(input.sessionKey, SRP6_SESSION_KEY_LENGTH, "session key K (account.session_key)");
  const digest = createHash("sha1")
    .update(utf8Bytes(input.account))
    .update(FOUR_ZERO_BYTES)
    .update(input.clientSeed)
    .update(input.serverSeed)
    .update(input.sessionKey)
    .digest();
  return new Uint8Array(digest);
}

/** True when `digest` (from CMSG_AUTH_SESSION) matches {@link computeAuthSessionDigest}, compared in constant time. */
export function verifyAuthSessionDigest(input: AuthSessionDigestInput, digest: Uint8Array): boolean {
  requireLength(digest, SRP6_PROOF_LENGTH, "CMSG_AUTH_SESSION digest");
  return bytesEqualConstantTime(computeAuthSessionDigest(input), digest);
}
