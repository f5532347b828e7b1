import { createHmac } from "node:crypto";
import { Arc4, ARC4_DROP_LENGTH } from "./arc4.js";
import { requireLength } from "./errors.js";
import { SRP6_SESSION_KEY_LENGTH } from "./srp6-constants.js";

/** HMAC-SHA1 key of the client→server header stream (AzerothCore `ServerDecryptionKey`). */
export const CLIENT_TO_SERVER_HEADER_SEED: Uint8Array = Uint8Array.of(
  0xc2, 0xb3, 0x72, 0x3c, 0xc6, 0xae, 0xd9, 0xb5, 0x34, 0x3c, 0x53, 0xee, 0x2f, 0x43, 0x67, 0xce,
);
/** HMAC-SHA1 key of the server→client header stream (AzerothCore `ServerEncryptionKey`). */
export const SERVER_TO_CLIENT_HEADER_SEED: Uint8Array = Uint8Array.of(
  0xcc, 0x98, 0xae, 0x04, 0xe8, 0x97, 0xea, 0xca, 0x12, 0xdd, 0xc0, 0x93, 0x42, 0x91, 0x53, 0x57,
);

function headerStream(seed: Uint8Array, sessionKey: Uint8Array): Arc4 {
  const key = createHmac("sha1", seed).update(sessionKey).digest();
  return new Arc4(key, ARC4_DROP_LENGTH);
}

/**
 * The 3.3.5a world header cipher of one connection end: two ARC4-drop1024 streams keyed with
 * HMAC-SHA1(seed, K). Only headers pass through it, in order, in place. Because it is a stream
 * cipher, a header may be processed in pieces: decrypt the first byte of a server header, learn
 * from `serverHeaderLength` (world/framing) whether 3 or 4 bytes follow, then decrypt those.
 *
 * AzerothCore initialises it right after a valid CMSG_AUTH_SESSION digest, before it sends
 * SMSG_AUTH_RESPONSE; SMSG_AUTH_CHALLENGE and CMSG_AUTH_SESSION themselves travel in clear.
 */
export class WorldHeaderCipher {
  private readonly encryptStream: Arc4;
  private readonly decryptStream: Arc4;

  private constructor(encryptSeed: Uint8Array, decryptSeed: Uint8Array, sessionKey: Uint8Array) {
    requireLength(sessionKey, SRP6_SESSION_KEY_LENGTH, "session key K (account.session_key)");
    this.encryptStream = headerStream(encryptSeed, sessionKey);
    this.decryptStream = headerStream(decryptSeed, sessionKey);
  }

  /** The gateway/worldserver end: decrypts client headers, encrypts server headers. */
  static forServer(sessionKey: Uint8Array): WorldHeaderCipher {
    return new WorldHeaderCipher(SERVER_TO_CLIENT_HEADER_SEED, CLIENT_TO_SERVER_HEADER_SEED, sessionKey);
  }

  /** The game-client end (headless client, bots): encrypts client headers, decrypts server headers. */
  static forClient(sessionKey: Uint8Array): WorldHeaderCipher {
    return new WorldHeaderCipher(CLIENT_TO_SERVER_HEADER_SEED, SERVER_TO_CLIENT_HEADER_SEED, sessionKey);
  }

  /**
   * Encrypts an outgoing header (or the next piece of one) in place: `bytes[start..end)`, the
   * whole array by default, so a header inside a larger send buffer needs no subarray.
   */
  encryptHeader(bytes: Uint8Array, start = 0, end = bytes.length): void {
    this.encryptStream.apply(bytes, start, end);
  }

  /** Decrypts an incoming header (or the next piece of one) in place: `bytes[start..end)`. */
  decryptHeader(bytes: Uint8Array, start = 0, end = bytes.length): void {
    this.decryptStream.apply(bytes, start, end);
  }
}
