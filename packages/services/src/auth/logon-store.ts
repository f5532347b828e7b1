import { isIPv4 } from "node:net";
import { toSafeInteger, type Database, type DatabaseInteger } from "@tc9/sdk";
import type { WrongPassOptions } from "./options.js";

/**
 * The auth-database statements of the logon server, after AzerothCore's `LoginDatabase.cpp`
 * (`LOGIN_SEL_LOGONCHALLENGE`, `LOGIN_UPD_LOGONPROOF`, `LOGIN_UPD_FAILEDLOGINS`, the auto-ban
 * inserts, `LOGIN_SEL_IP_INFO`, `build_info`).
 */

/** What the logon server needs to know about an account when a challenge names it. */
export interface LogonAccount {
  readonly id: number;
  readonly username: string;
  /** `account.locked`: logons only from `lastIp`. */
  readonly lockedToIp: boolean;
  readonly lastIp: string;
  readonly failedLogins: number;
  /** An active account or IP ban is in force. */
  readonly banned: boolean;
  /** One of those bans is permanent (`unbandate = bandate`). */
  readonly permanentlyBanned: boolean;
  readonly salt: Uint8Array;
  readonly verifier: Uint8Array;
  /** K of the last full logon, for reconnects. */
  readonly sessionKey: Uint8Array | undefined;
  /** Authenticator secret; a token is then required. */
  readonly totpSecret: Uint8Array | undefined;
}

interface LogonAccountRow {
  id: number;
  username: string;
  locked: number;
  last_ip: string;
  failed_logins: number;
  salt: Buffer;
  verifier: Buffer;
  session_key: Buffer | null;
  totp_secret: Buffer | null;
  account_banned: DatabaseInteger;
  account_banned_permanently: DatabaseInteger;
  ip_banned: DatabaseInteger;
  ip_banned_permanently: DatabaseInteger;
}

const ACTIVE_BAN = "(b.unbandate > UNIX_TIMESTAMP() OR b.unbandate = b.bandate)";

/** The account a challenge names, with the bans on it and on `ip`; undefined when it does not exist. */
export async function findLogonAccount(db: Database, username: string, ip: string): Promise<LogonAccount | undefined> {
  const row = await db.queryOne<LogonAccountRow>(
    "SELECT a.id, a.username, a.locked, a.last_ip, a.failed_logins, a.salt, a.verifier, a.session_key, a.totp_secret, " +
      `EXISTS (SELECT 1 FROM account_banned b WHERE b.id = a.id AND b.active = 1 AND ${ACTIVE_BAN}) AS account_banned, ` +
      "EXISTS (SELECT 1 FROM account_banned b WHERE b.id = a.id AND b.active = 1 AND b.unbandate = b.bandate) AS account_banned_permanently, " +
      `EXISTS (SELECT 1 FROM ip_banned b WHERE b.ip = ? AND ${ACTIVE_BAN}) AS ip_banned, ` +
      "EXISTS (SELECT 1 FROM ip_banned b WHERE b.ip = ? AND b.unbandate = b.bandate) AS ip_banned_permanently " +
      "FROM account a WHERE a.username = ?",
    [ip, ip, username],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    lockedToIp: row.locked !== 0,
    lastIp: row.last_ip,
    failedLogins: row.failed_logins,
    banned: toSafeInteger(row.account_banned) !== 0 || toSafeInteger(row.ip_banned) !== 0,
    permanentlyBanned: toSafeInteger(row.account_banned_permanently) !== 0 || toSafeInteger(row.ip_banned_permanently) !== 0,
    salt: row.salt,
    verifier: row.verifier,
    sessionKey: row.session_key ?? undefined,
    totpSecret: row.totp_secret ?? undefined,
  };
}

/** True when `ip` has an active ban (checked when a connection opens, as AzerothCore does). */
export async function isIpBanned(db: Database, ip: string): Promise<boolean> {
  const row = await db.queryOne<{ banned: DatabaseInteger }>(
    `SELECT EXISTS (SELECT 1 FROM ip_banned b WHERE b.ip = ? AND ${ACTIVE_BAN}) AS banned`,
    [ip],
  );
  return row !== undefined && toSafeInteger(row.banned) !== 0;
}

/** What a successful logon writes back to the account row. */
export interface LogonRecord {
  readonly accountId: number;
  readonly sessionKey: Uint8Array;
  /** The IP to store in `last_ip` ("0.0.0.0" when IP logging is off). */
  readonly ip: string;
  /** AzerothCore locale number. */
  readonly locale: number;
  /** "Win" / "OSX" as the challenge named it. */
  readonly os: string;
}

/** `LOGIN_UPD_LOGONPROOF`: session key, last IP, last login time, locale, OS; resets `failed_logins`. */
export async function recordLogon(db: Database, record: LogonRecord): Promise<void> {
  await db.execute(
    "UPDATE account SET session_key = ?, last_ip = ?, last_login = NOW(), locale = ?, failed_logins = 0, os = ? WHERE id = ?",
    [Buffer.from(record.sessionKey), record.ip, record.locale, record.os.slice(0, 3), record.accountId],
  );
}

/** Who banned in a wrong-password auto-ban (AzerothCore's literal, kept so tools recognise the rows). */
export const AUTO_BAN_AUTHOR = "Trinity realmd";
/** The reason of a wrong-password auto-ban (AzerothCore's literal). */
export const AUTO_BAN_REASON = "Failed login autoban";

/** What a wrong password led to. */
export type WrongPasswordOutcome = "counted" | "ip-banned" | "account-banned" | "not-counted";

/**
 * AzerothCore's wrong-password handling: optionally log to `logs_ip_actions`; when
 * `maxCount` > 0 increment `failed_logins` and, once it reaches `maxCount`, ban the IP or the
 * account for `banTime` seconds (0 = permanently). `ip_banned.ip` holds IPv4 only, so an IPv6 peer
 * is counted but never IP-banned.
 */
export async function recordWrongPassword(
  db: Database,
  account: LogonAccount,
  ip: string,
  options: WrongPassOptions,
): Promise<WrongPasswordOutcome> {
  if (options.logging) {
    await db.execute(
      "INSERT INTO logs_ip_actions (account_id, character_guid, type, ip, systemnote, unixtime, time) " +
        "VALUES (?, 0, 1, ?, 'Login to WoW Failed - Incorrect Password', UNIX_TIMESTAMP(NOW()), NOW())",
      [account.id, isIPv4(ip) ? ip : "0.0.0.0"],
    );
  }
  if (options.maxCount === 0) return "not-counted";
  await db.execute("UPDATE account SET failed_logins = failed_logins + 1 WHERE id = ?", [account.id]);
  if (account.failedLogins + 1 < options.maxCount) return "counted";
  if (options.banType === "account") {
    await db.execute(
      "INSERT IGNORE INTO account_banned (id, bandate, unbandate, bannedby, banreason, active) VALUES (?, UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + ?, ?, ?, 1)",
      [account.id, options.banTime, AUTO_BAN_AUTHOR, AUTO_BAN_REASON],
    );
    return "account-banned";
  }
  if (!isIPv4(ip)) return "counted";
  await db.execute(
    "INSERT IGNORE INTO ip_banned (ip, bandate, unbandate, bannedby, banreason) VALUES (?, UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + ?, ?, ?)",
    [ip, options.banTime, AUTO_BAN_AUTHOR, AUTO_BAN_REASON],
  );
  return "ip-banned";
}

/** A client build the auth database knows (`build_info`). */
export interface BuildInfo {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly build: number;
}

/** `build_info` by build number, loaded once at start as AzerothCore's `RealmList::LoadBuildInfo`. */
export async function loadBuildInfo(db: Database): Promise<ReadonlyMap<number, BuildInfo>> {
  const rows = await db.queryRows<{ build: number; major: number | null; minor: number | null; patch: number | null }>(
    "SELECT build, majorVersion AS major, minorVersion AS minor, bugfixVersion AS patch FROM build_info ORDER BY build",
  );
  return new Map(rows.map((row) => [row.build, { build: row.build, major: row.major ?? 0, minor: row.minor ?? 0, patch: row.patch ?? 0 }]));
}
