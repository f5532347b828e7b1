/**
 * Result codes of the logon protocol: AzerothCore's `AuthResult` enum (`AuthCodes.h`), every value
 * it defines. Sent as one byte in the challenge and proof replies.
 */
export const AuthResult = {
  WOW_SUCCESS: 0x00,
  WOW_FAIL_BANNED: 0x03,
  WOW_FAIL_UNKNOWN_ACCOUNT: 0x04,
  WOW_FAIL_INCORRECT_PASSWORD: 0x05,
  WOW_FAIL_ALREADY_ONLINE: 0x06,
  WOW_FAIL_NO_TIME: 0x07,
  WOW_FAIL_DB_BUSY: 0x08,
  WOW_FAIL_VERSION_INVALID: 0x09,
  WOW_FAIL_VERSION_UPDATE: 0x0a,
  WOW_FAIL_INVALID_SERVER: 0x0b,
  WOW_FAIL_SUSPENDED: 0x0c,
  WOW_FAIL_FAIL_NOACCESS: 0x0d,
  WOW_SUCCESS_SURVEY: 0x0e,
  WOW_FAIL_PARENTCONTROL: 0x0f,
  WOW_FAIL_LOCKED_ENFORCED: 0x10,
  WOW_FAIL_TRIAL_ENDED: 0x11,
  WOW_FAIL_USE_BATTLENET: 0x12,
  WOW_FAIL_ANTI_INDULGENCE: 0x13,
  WOW_FAIL_EXPIRED: 0x14,
  WOW_FAIL_NO_GAME_ACCOUNT: 0x15,
  WOW_FAIL_CHARGEBACK: 0x16,
  WOW_FAIL_INTERNET_GAME_ROOM_WITHOUT_BNET: 0x17,
  WOW_FAIL_GAME_ACCOUNT_LOCKED: 0x18,
  WOW_FAIL_UNLOCKABLE_LOCK: 0x19,
  WOW_FAIL_CONVERSION_REQUIRED: 0x20,
  WOW_FAIL_DISCONNECTED: 0xff,
} as const;

/** One of the values of {@link AuthResult}. */
export type AuthResultValue = (typeof AuthResult)[keyof typeof AuthResult];

/**
 * Two-factor fields of the logon challenge reply and the logon proof (bit flags). AzerothCore only
 * ever sets `AUTHENTICATOR` (TOTP); the PIN and matrix-card layouts follow gtker/wow_messages (v8).
 */
export const SecurityFlag = {
  NONE: 0x00,
  PIN: 0x01,
  MATRIX_CARD: 0x02,
  AUTHENTICATOR: 0x04,
} as const;

/** Account flags of the logon proof reply (AzerothCore's comment in `HandleLogonProof`). */
export const AccountFlag = {
  GM: 0x00000001,
  TRIAL: 0x00000008,
  PRO_PASS: 0x00800000,
} as const;

/** The account flags AzerothCore sends in every successful logon proof reply. */
export const AZEROTHCORE_ACCOUNT_FLAGS = AccountFlag.PRO_PASS;

/** Logon protocol version of 2.4.x and 3.3.5a clients (the second byte of their challenge). */
export const LOGON_PROTOCOL_VERSION = 8;

/**
 * The 16-byte "version challenge" (CRC salt) AzerothCore sends in every challenge reply
 * (`VersionChallenge` in `AuthSession.cpp`).
 */
export const AZEROTHCORE_VERSION_CHALLENGE: Uint8Array = Uint8Array.of(
  0xba, 0xa3, 0x1e, 0x99, 0xa0, 0x0b, 0x21, 0x57, 0xfc, 0x37, 0x3f, 0xb3, 0x69, 0xcd, 0xd2, 0xf1,
);
