/**
 * Character deletion as AzerothCore's worldserver does it (`HandleCharDeleteOpcode`,
 * `Player::DeleteFromDB`), over the characters tables tc9 declares.
 */
import type { Queryable } from "@tc9/sdk";
import { ResponseCode, type ResponseCodeValue } from "@tc9/sdk/wow";
import type { CharacterStores } from "./create-character.js";
import { CharacterClass } from "./races-classes.js";
import { storeRealmCharacterCount } from "./realm-character-counts.js";

/** Who deletes which character. */
export interface DeleteCharacterRequest {
  readonly realmId: number;
  readonly accountId: number;
  readonly guid: bigint;
  /** Whether the character is in a world right now; AzerothCore never deletes a loaded character. */
  readonly isOnline?: (guid: bigint) => boolean | Promise<boolean>;
}

/** AzerothCore's `CharDelete.*` settings. */
export interface CharacterDeletionRules {
  /** `CharDelete.Method`: remove every row ("remove", default), or unlink the character from its account ("unlink"). */
  readonly method: "remove" | "unlink";
  /** `CharDelete.MinLevel`: below this level characters are removed even when the method is "unlink". */
  readonly minLevel: number;
  /** `CharDelete.DeathKnight.MinLevel`: the same for death knights. */
  readonly deathKnightMinLevel: number;
}

/** AzerothCore's defaults. */
export const defaultDeletionRules: CharacterDeletionRules = { method: "remove", minLevel: 0, deathKnightMinLevel: 0 };

/** Statements removing a character's rows, each taking the character GUID for every `?`. */
const removeStatements: readonly string[] = [
  "DELETE FROM characters WHERE guid = ?",
  "DELETE FROM character_inventory WHERE guid = ?",
  "DELETE FROM item_instance WHERE owner_guid = ?",
  "DELETE FROM character_social WHERE guid = ?",
  "DELETE FROM character_social WHERE friend = ?",
  "DELETE FROM mail WHERE receiver = ?",
  "DELETE FROM mail_items WHERE receiver = ?",
  "DELETE FROM character_pet WHERE owner = ?",
  "DELETE FROM character_instance WHERE guid = ?",
  "DELETE FROM character_arena_stats WHERE guid = ?",
  "DELETE FROM arena_team_member WHERE guid = ?",
  "DELETE FROM guild_member WHERE guid = ?",
  "DELETE FROM guild_member_withdraw WHERE guid = ?",
  "DELETE FROM guild_eventlog WHERE PlayerGuid1 = ? OR PlayerGuid2 = ?",
  "DELETE FROM guild_bank_eventlog WHERE PlayerGuid = ?",
  "DELETE FROM lfg_data WHERE guid = ?",
];

/** The character's petitions and its signatures on others' (AzerothCore `RemovePetitionsAndSigns`). */
const petitionStatements: readonly string[] = [
  "DELETE FROM petition_sign WHERE playerguid = ?",
  "DELETE FROM petition_sign WHERE ownerguid = ?",
  "DELETE FROM petition WHERE ownerguid = ?",
];

/** `CHAR_UPD_DELETE_INFO`: the character keeps its rows but leaves the account and frees its name. */
const unlinkStatement =
  "UPDATE characters SET deleteInfos_Name = name, deleteInfos_Account = account, deleteDate = UNIX_TIMESTAMP(), name = '', account = 0 WHERE guid = ?";

interface DeletedCharacter {
  readonly account: number;
  readonly level: number;
  readonly class: number;
}

async function runForGuid(tx: Queryable, statements: readonly string[], guid: bigint): Promise<void> {
  for (const sql of statements) {
    const placeholders = sql.split("?").length - 1;
    await tx.execute(sql, Array.from({ length: placeholders }, () => guid));
  }
}

/**
 * Deletes a character in one transaction. Result codes as AzerothCore's: `CHAR_DELETE_SUCCESS`;
 * `CHAR_DELETE_FAILED_GUILD_LEADER` for a guild master; `…_FAILED_ARENA_CAPTAIN` for an arena team
 * captain; `CHAR_DELETE_FAILED` for a character that is online, unknown or another account's
 * (AzerothCore sends nothing then; the client needs an answer). With an auth database the
 * account's `realmcharacters` count is updated before the transaction commits.
 */
export async function deleteCharacter(
  stores: Pick<CharacterStores, "characters" | "auth">,
  request: DeleteCharacterRequest,
  rules: Partial<CharacterDeletionRules> = {},
): Promise<{ readonly result: ResponseCodeValue }> {
  const settings: CharacterDeletionRules = { ...defaultDeletionRules, ...rules };
  if (await request.isOnline?.(request.guid)) return { result: ResponseCode.CHAR_DELETE_FAILED };
  const { guid } = request;
  return stores.characters.transaction(async (tx) => {
    const character = await tx.queryOne<DeletedCharacter>(
      "SELECT account, level, class FROM characters WHERE guid = ? AND deleteInfos_Name IS NULL FOR UPDATE",
      [guid],
    );
    if (character === undefined) return { result: ResponseCode.CHAR_DELETE_FAILED };
    if (await tx.queryOne("SELECT 1 AS leads FROM guild WHERE leaderguid = ? LIMIT 1", [guid])) {
      return { result: ResponseCode.CHAR_DELETE_FAILED_GUILD_LEADER };
    }
    if (await tx.queryOne("SELECT 1 AS captains FROM arena_team WHERE captainGuid = ? LIMIT 1", [guid])) {
      return { result: ResponseCode.CHAR_DELETE_FAILED_ARENA_CAPTAIN };
    }
    if (character.account !== request.accountId) return { result: ResponseCode.CHAR_DELETE_FAILED };
    await runForGuid(tx, petitionStatements, guid);
    if (unlinks(character, settings)) await tx.execute(unlinkStatement, [guid]);
    else await runForGuid(tx, removeStatements, guid);
    if (stores.auth) await storeRealmCharacterCount(tx, stores.auth, request.realmId, request.accountId);
    return { result: ResponseCode.CHAR_DELETE_SUCCESS };
  });
}

function unlinks(character: DeletedCharacter, rules: CharacterDeletionRules): boolean {
  const minLevel = character.class === CharacterClass.DEATH_KNIGHT ? rules.deathKnightMinLevel : rules.minLevel;
  return rules.method === "unlink" && character.level >= minLevel;
}
