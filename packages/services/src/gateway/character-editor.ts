import { StorageQueryError, type Database } from "@tc9/sdk";
import type { CharacterCreate, ResponseCodeValue } from "@tc9/sdk/wow";
import { createCharacter, deleteCharacter } from "../characters/index.js";

/** A character creation asked for on the character screen. */
export interface CreateRequest {
  readonly accountId: number;
  /** The account's security level on this realm (game masters start higher). */
  readonly accountSecurity: number;
  readonly character: CharacterCreate;
}

/** A character deletion asked for on the character screen. */
export interface DeleteRequest {
  readonly accountId: number;
  readonly guid: bigint;
}

/**
 * Creates and deletes characters for the gateway's character screen and answers with the result
 * code of SMSG_CHAR_CREATE / SMSG_CHAR_DELETE. The seam between the gateway and whatever does the
 * work: today the characters module's functions on the realm's databases, later a contract call.
 */
export interface CharacterEditor {
  create(request: CreateRequest): Promise<ResponseCodeValue>;
  delete(request: DeleteRequest): Promise<ResponseCodeValue>;
}

/** The databases and the online check the database-backed editor works with. */
export interface CharacterDatabases {
  readonly realmId: number;
  readonly characters: Database;
  readonly world: Database;
  readonly auth: Database;
  /** Whether a character is in a world right now (such a character is never deleted). */
  isOnline(guid: bigint): Promise<boolean>;
  /** Hands out new character GUIDs, unique across the realm (the guid module's pool). */
  newGuid(): Promise<bigint>;
}

/** ER_DUP_ENTRY: the GUID was taken by something outside the guid module (e.g. a manual insert). */
const ER_DUP_ENTRY = 1062;
const CREATE_ATTEMPTS = 3;

/**
 * The editor that runs the characters module's `createCharacter` / `deleteCharacter` (AzerothCore's
 * rules and result codes, one transaction each, `realmcharacters` kept in step) on the realm's
 * databases, with GUIDs from `databases.newGuid`. A GUID that is already taken (a row written
 * outside the cluster since the guid module seeded its mark) is retried with the next one.
 */
export function databaseCharacterEditor(databases: CharacterDatabases): CharacterEditor {
  const stores = { characters: databases.characters, world: databases.world, auth: databases.auth };
  return {
    async create(request) {
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await createCharacter(stores, {
            realmId: databases.realmId,
            accountId: request.accountId,
            accountSecurity: request.accountSecurity,
            character: request.character,
            newGuid: () => databases.newGuid(),
          });
          return outcome.result;
        } catch (error) {
          const collided = error instanceof StorageQueryError && error.errno === ER_DUP_ENTRY;
          if (!collided || attempt >= CREATE_ATTEMPTS) throw error;
        }
      }
    },
    async delete(request) {
      const outcome = await deleteCharacter(stores, {
        realmId: databases.realmId,
        accountId: request.accountId,
        guid: request.guid,
        isOnline: (guid) => databases.isOnline(guid),
      });
      return outcome.result;
    },
  };
}
