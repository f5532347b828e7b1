import { StorageQueryError, type Database, type Queryable } from "@tc9/sdk";
import { makeRegistrationData, toUpperLatinOnly, WOW_CRYPTO_ERROR_CODES, WowCryptoError } from "@tc9/sdk/wow";
import { ACCOUNT_ERROR_CODES, AccountError, type AccountErrorCode } from "./errors.js";

/**
 * Account administration on AzerothCore's auth database, with AzerothCore's rules
 * (`AccountMgr::CreateAccount`, `ChangePassword`, `.account set gmlevel`, `BanMgr::BanAccount`):
 * what `tc9 account` calls. Names are stored upper-cased (basic Latin letters only).
 */

/** Longest e-mail AzerothCore accepts (`MAX_EMAIL_STR`). */
export const MAX_ACCOUNT_EMAIL_LENGTH = 255;
/** Highest expansion a 3.3.5a account can have (2 = Wrath of the Lich King; AzerothCore's default). */
export const MAX_ACCOUNT_EXPANSION = 2;
/** Highest GM level an account can be given (`SEC_ADMINISTRATOR`; `SEC_CONSOLE` is the console's). */
export const MAX_ACCOUNT_GM_LEVEL = 3;
/** `account_access.RealmID` meaning "every realm". */
export const ALL_REALMS = -1;

/** Input of {@link createAccount}. */
export interface CreateAccountInput {
  readonly username: string;
  readonly password: string;
  /** Stored upper-cased in `email` and `reg_mail`, as AzerothCore does; default empty. */
  readonly email?: string;
  /** 0 classic, 1 TBC, 2 WotLK (default). */
  readonly expansion?: number;
}

/** A created account. */
export interface CreatedAccount {
  readonly id: number;
  /** The stored (upper-cased) name. */
  readonly username: string;
}

/**
 * Creates an account the way AzerothCore does: checks lengths (name ≤ 17, password ≤ 16, e-mail ≤
 * 255 characters), upper-cases, refuses a taken name, stores SRP6 salt and verifier, and gives the
 * account a zero character count on every realm of `realmlist`.
 */
export async function createAccount(db: Database, input: CreateAccountInput): Promise<CreatedAccount> {
  const registration = registrationData(input.username, input.password);
  const email = toUpperLatinOnly(input.email ?? "");
  if ([...email].length > MAX_ACCOUNT_EMAIL_LENGTH) {
    throw new AccountError(ACCOUNT_ERROR_CODES.emailTooLong, `the e-mail address is longer than ${MAX_ACCOUNT_EMAIL_LENGTH} characters; use a shorter one`);
  }
  const expansion = input.expansion ?? MAX_ACCOUNT_EXPANSION;
  if (!Number.isInteger(expansion) || expansion < 0 || expansion > MAX_ACCOUNT_EXPANSION) {
    throw new AccountError(ACCOUNT_ERROR_CODES.expansionInvalid, `expansion ${expansion} is not 0, 1 or 2; pick 2 for Wrath of the Lich King`);
  }
  try {
    return await db.transaction(async (tx) => {
      if (await findAccountId(tx, registration.username)) throw nameTaken(registration.username);
      const inserted = await tx.execute(
        "INSERT INTO account (username, salt, verifier, expansion, email, reg_mail, joindate) VALUES (?, ?, ?, ?, ?, ?, NOW())",
        [registration.username, Buffer.from(registration.salt), Buffer.from(registration.verifier), expansion, email, email],
      );
      const id = Number(inserted.insertId);
      await tx.execute("INSERT INTO realmcharacters (realmid, acctid, numchars) SELECT id, ?, 0 FROM realmlist", [id]);
      return { id, username: registration.username };
    });
  } catch (error) {
    if (error instanceof StorageQueryError && error.sqlCode === "ER_DUP_ENTRY") throw nameTaken(registration.username);
    throw error;
  }
}

/** Input of {@link changePassword}. */
export interface ChangePasswordInput {
  readonly username: string;
  readonly newPassword: string;
}

/** Replaces the account's salt and verifier (AzerothCore's `ChangePassword`). */
export async function changePassword(db: Queryable, input: ChangePasswordInput): Promise<void> {
  const id = await requireAccountId(db, input.username);
  const registration = registrationData(input.username, input.newPassword);
  await db.execute("UPDATE account SET salt = ?, verifier = ? WHERE id = ?", [
    Buffer.from(registration.salt),
    Buffer.from(registration.verifier),
    id,
  ]);
}

/** Input of {@link setGmLevel}. */
export interface SetGmLevelInput {
  readonly username: string;
  /** 0 player … 3 administrator. */
  readonly level: number;
  /** A realm id, or {@link ALL_REALMS} (-1). */
  readonly realmId: number;
}

/**
 * Sets the account's GM level in `account_access` as AzerothCore's `.account set gmlevel` does: for
 * every realm (-1) it replaces all rows; for one realm it replaces that realm's row and the
 * every-realm row. Level 0 leaves no row (a player).
 */
export async function setGmLevel(db: Database, input: SetGmLevelInput): Promise<void> {
  if (!Number.isInteger(input.level) || input.level < 0 || input.level > MAX_ACCOUNT_GM_LEVEL) {
    throw new AccountError(ACCOUNT_ERROR_CODES.gmLevelInvalid, `GM level ${input.level} is not 0..${MAX_ACCOUNT_GM_LEVEL} (0 player, 1 moderator, 2 game master, 3 administrator)`);
  }
  if (!Number.isInteger(input.realmId) || (input.realmId !== ALL_REALMS && (input.realmId < 1 || input.realmId > 0x7fffffff))) {
    throw new AccountError(ACCOUNT_ERROR_CODES.realmInvalid, `realm ${input.realmId} is not a realm id; give a realm's id or -1 for every realm`);
  }
  const id = await requireAccountId(db, input.username);
  await db.transaction(async (tx) => {
    if (input.realmId === ALL_REALMS) await tx.execute("DELETE FROM account_access WHERE id = ?", [id]);
    else await tx.execute("DELETE FROM account_access WHERE id = ? AND (RealmID = ? OR RealmID = -1)", [id, input.realmId]);
    if (input.level > 0) {
      await tx.execute("INSERT INTO account_access (id, gmlevel, RealmID) VALUES (?, ?, ?)", [id, input.level, input.realmId]);
    }
  });
}

/** Input of {@link banAccount}: a duration in seconds, or a permanent ban. */
export type BanAccountInput = {
  readonly username: string;
  readonly reason: string;
  /** Who banned (`account_banned.bannedby`, at most 50 characters). */
  readonly bannedBy: string;
} & ({ readonly durationSeconds: number; readonly permanent?: never } | { readonly permanent: true; readonly durationSeconds?: never });

/** The ban row written by {@link banAccount}, as unix seconds (`unbandate` = `bandate` when permanent). */
export interface AccountBan {
  readonly bandate: number;
  readonly unbandate: number;
}

/**
 * Bans an account as AzerothCore's `BanMgr::BanAccount` does: earlier bans are deactivated and one
 * active `account_banned` row is written (`unbandate = bandate` means permanent). The logon server
 * then answers WOW_FAIL_BANNED (permanent) or WOW_FAIL_SUSPENDED (temporary).
 */
export async function banAccount(db: Database, input: BanAccountInput): Promise<AccountBan> {
  const duration = input.permanent ? 0 : input.durationSeconds;
  if (!Number.isSafeInteger(duration) || duration < 0 || (!input.permanent && duration === 0)) {
    throw new AccountError(ACCOUNT_ERROR_CODES.banInvalid, `ban duration ${String(duration)} is not a positive number of seconds; give one, or permanent: true`);
  }
  if ([...input.bannedBy].length > 50 || [...input.reason].length > 255) {
    throw new AccountError(ACCOUNT_ERROR_CODES.banInvalid, "bannedBy may have at most 50 characters and reason at most 255; shorten them");
  }
  const id = await requireAccountId(db, input.username);
  return db.transaction(async (tx) => {
    await tx.execute("UPDATE account_banned SET active = 0 WHERE id = ? AND active != 0", [id]);
    await tx.execute(
      "INSERT INTO account_banned (id, bandate, unbandate, bannedby, banreason, active) " +
        "VALUES (?, UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + ?, ?, ?, 1) " +
        "ON DUPLICATE KEY UPDATE unbandate = VALUES(unbandate), bannedby = VALUES(bannedby), banreason = VALUES(banreason), active = 1",
      [id, duration, input.bannedBy, input.reason],
    );
    const row = await tx.queryOne<{ bandate: number; unbandate: number }>(
      "SELECT bandate, unbandate FROM account_banned WHERE id = ? AND active = 1",
      [id],
    );
    return { bandate: row?.bandate ?? 0, unbandate: row?.unbandate ?? 0 };
  });
}

/** Lifts the account's bans (AzerothCore: `active = 0`). Resolves true when a ban was active. */
export async function unbanAccount(db: Queryable, input: { readonly username: string }): Promise<boolean> {
  const id = await requireAccountId(db, input.username);
  const result = await db.execute("UPDATE account_banned SET active = 0 WHERE id = ? AND active != 0", [id]);
  return result.affectedRows > 0;
}

async function findAccountId(db: Queryable, username: string): Promise<number | undefined> {
  const row = await db.queryOne<{ id: number }>("SELECT id FROM account WHERE username = ?", [toUpperLatinOnly(username)]);
  return row?.id;
}

async function requireAccountId(db: Queryable, username: string): Promise<number> {
  const id = await findAccountId(db, username);
  if (id === undefined) {
    throw new AccountError(ACCOUNT_ERROR_CODES.notFound, `there is no account "${toUpperLatinOnly(username)}"; check the name or create it first`);
  }
  return id;
}

const cryptoToAccountCode: Readonly<Record<string, AccountErrorCode>> = {
  [WOW_CRYPTO_ERROR_CODES.accountNameEmpty]: ACCOUNT_ERROR_CODES.nameEmpty,
  [WOW_CRYPTO_ERROR_CODES.accountNameTooLong]: ACCOUNT_ERROR_CODES.nameTooLong,
  [WOW_CRYPTO_ERROR_CODES.passwordEmpty]: ACCOUNT_ERROR_CODES.passwordEmpty,
  [WOW_CRYPTO_ERROR_CODES.passwordTooLong]: ACCOUNT_ERROR_CODES.passwordTooLong,
};

/** `makeRegistrationData` with its length and emptiness errors as `AccountError`s. */
function registrationData(username: string, password: string): ReturnType<typeof makeRegistrationData> {
  try {
    return makeRegistrationData(username, password);
  } catch (error) {
    const code = error instanceof WowCryptoError ? cryptoToAccountCode[error.code] : undefined;
    if (code !== undefined && error instanceof Error) throw new AccountError(code, error.message, { cause: error });
    throw error;
  }
}

function nameTaken(username: string): AccountError {
  return new AccountError(ACCOUNT_ERROR_CODES.nameTaken, `an account named "${username}" already exists; choose another name`);
}
