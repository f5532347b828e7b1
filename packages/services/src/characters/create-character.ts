/**
 * Character creation as AzerothCore's worldserver does it (`HandleCharCreateOpcode`,
 * `Player::Create`), for the gateway to call instead of replaying CMSG_CHAR_CREATE to a worldserver.
 */
import type { Database, Queryable } from "@tc9/sdk";
import { ResponseCode, type CharacterCreate, type ResponseCodeValue } from "@tc9/sdk/wow";
import { checkAccountCharacters, checkCreateRequest, type AccountCharacter } from "./creation-checks.js";
import { defaultCreationRules, type CharacterCreationRules } from "./creation-rules.js";
import { CharactersError } from "./errors.js";
import { insertNewCharacter, type StartPosition } from "./new-character-row.js";
import { CharacterClass } from "./races-classes.js";
import { accountCharacterTotal, storeRealmCharacterCount } from "./realm-character-counts.js";

/** The databases character creation and deletion work on. */
export interface CharacterStores {
  /** The realm's characters database. */
  readonly characters: Database;
  /** The realm's world database (`playercreateinfo`). */
  readonly world: Database;
  /**
   * The auth database. With it the account-wide limit is checked and `realmcharacters` kept up to
   * date; without it neither happens.
   */
  readonly auth?: Database;
}

/** Who creates which character where. */
export interface CreateCharacterRequest {
  readonly realmId: number;
  readonly accountId: number;
  /** The account's security level (`account_access.gmlevel`); 0, a player account, by default. */
  readonly accountSecurity?: number;
  /** The client's CMSG_CHAR_CREATE. */
  readonly character: CharacterCreate;
  /** Hands out the new character's GUID (the realm's character GUID pool). */
  readonly newGuid: () => Promise<bigint>;
}

/** The SMSG_CHAR_CREATE result, and the character when it was created. */
export interface CreateCharacterResult {
  readonly result: ResponseCodeValue;
  readonly created?: { readonly guid: bigint; readonly name: string };
}

const maxCharacterGuid = 0xffff_ffffn;
const validGenders: ReadonlySet<number> = new Set([0, 1]);

/**
 * Creates a character: every AzerothCore rule and result code, the starting position from
 * `playercreateinfo`, and the `characters` row, all in one transaction on the characters database
 * (a failure at any step leaves no row). The auth database's `realmcharacters` count is written
 * before that transaction commits. Rule violations come back as result codes; database failures
 * and a bad GUID from `newGuid` are thrown.
 */
export async function createCharacter(
  stores: CharacterStores,
  request: CreateCharacterRequest,
  rules: Partial<CharacterCreationRules> = {},
): Promise<CreateCharacterResult> {
  const settings: CharacterCreationRules = { ...defaultCreationRules, ...rules };
  const isPlayerAccount = (request.accountSecurity ?? 0) === 0;
  const checked = checkCreateRequest(request.character, isPlayerAccount, settings);
  if (!checked.ok) return { result: checked.result };
  const start = await startPositionOf(stores.world, request.character);
  let guid: bigint | undefined;
  return stores.characters.transaction(async (tx) => {
    const account = await checkAgainstDatabase(tx, stores.auth, request, checked.name, isPlayerAccount, settings);
    if (account.result !== undefined) return { result: account.result };
    if (start === undefined || !validGenders.has(request.character.gender)) {
      return { result: ResponseCode.CHAR_CREATE_ERROR };
    }
    guid ??= checkedGuid(await request.newGuid());
    await insertNewCharacter(tx, {
      guid,
      accountId: request.accountId,
      name: checked.name,
      character: request.character,
      ...startingLevelAndMoney(request.character.classId, isPlayerAccount, settings),
      honorPoints: settings.startHonorPoints,
      arenaPoints: settings.startArenaPoints,
      start,
      cinematic: skipsCinematic(account.existing, request.character.race, settings) ? 1 : 0,
    });
    if (stores.auth) await storeRealmCharacterCount(tx, stores.auth, request.realmId, request.accountId);
    return { result: ResponseCode.CHAR_CREATE_SUCCESS, created: { guid, name: checked.name } };
  }, creationConflictRetry);
}

type DatabaseCheck = { readonly result: ResponseCodeValue } | { readonly result: undefined; readonly existing: AccountCharacter[] };

/**
 * Name in use, account-wide and realm limits, then the checks over the account's characters. The
 * locking reads make a concurrent creation of the same name or over the same limit wait (or lose a
 * deadlock and be retried), so neither can slip through twice.
 */
async function checkAgainstDatabase(
  tx: Queryable,
  auth: Database | undefined,
  request: CreateCharacterRequest,
  name: string,
  isPlayerAccount: boolean,
  rules: CharacterCreationRules,
): Promise<DatabaseCheck> {
  if (await tx.queryOne("SELECT 1 AS taken FROM characters WHERE name = ? FOR UPDATE", [name])) {
    return { result: ResponseCode.CHAR_CREATE_NAME_IN_USE };
  }
  if (auth && (await accountCharacterTotal(auth, request.accountId)) >= rules.charactersPerAccount) {
    return { result: ResponseCode.CHAR_CREATE_ACCOUNT_LIMIT };
  }
  const existing = await tx.queryRows<AccountCharacter>(
    "SELECT level, race, class FROM characters WHERE account = ? ORDER BY guid FOR UPDATE",
    [request.accountId],
  );
  if (existing.length >= rules.charactersPerRealm) return { result: ResponseCode.CHAR_CREATE_SERVER_LIMIT };
  const refusal = checkAccountCharacters(existing, request.character, isPlayerAccount, rules);
  return refusal === undefined ? { result: undefined, existing } : { result: refusal };
}

async function startPositionOf(world: Database, character: CharacterCreate): Promise<StartPosition | undefined> {
  const row = await world.queryOne<{ map: number; zone: number; x: number; y: number; z: number; orientation: number }>(
    `SELECT map, zone, position_x AS x, position_y AS y, position_z AS z, orientation
       FROM playercreateinfo WHERE race = ? AND class = ?`,
    [character.race, character.classId],
  );
  return row;
}

function startingLevelAndMoney(
  classId: number,
  isPlayerAccount: boolean,
  rules: CharacterCreationRules,
): { level: number; money: number } {
  const heroic = classId === CharacterClass.DEATH_KNIGHT;
  const level = heroic ? rules.startHeroicPlayerLevel : rules.startPlayerLevel;
  return {
    level: isPlayerAccount ? level : Math.max(level, rules.startGmLevel),
    money: heroic ? rules.startHeroicPlayerMoney : rules.startPlayerMoney,
  };
}

function skipsCinematic(existing: readonly AccountCharacter[], race: number, rules: CharacterCreationRules): boolean {
  if (rules.skipCinematics === 2) return true;
  return rules.skipCinematics === 1 && existing.some((other) => other.race === race);
}

function checkedGuid(guid: bigint): bigint {
  if (guid < 1n || guid > maxCharacterGuid) {
    throw new CharactersError(
      "TC9_ERR_CHARACTERS_GUID_OUT_OF_RANGE",
      `the GUID source returned ${guid} for a new character; character GUIDs are 1..${maxCharacterGuid} (characters.guid is an INT UNSIGNED), so fix the realm's GUID pool`,
    );
  }
  return guid;
}

/** Concurrent creations may deadlock on the gap locks of the name and account checks: retry more. */
const creationConflictRetry = { attempts: 12, initialBackoffMs: 10, maxBackoffMs: 250 } as const;
