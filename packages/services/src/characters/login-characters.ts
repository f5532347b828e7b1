/**
 * The character screen's data (`LogInCharacter`): the account's characters with their guild,
 * current pet, ban state and visible equipment, read as AzerothCore's `CHAR_SEL_ENUM` and
 * ToCloud9's charserver read them.
 */
import type { Queryable } from "@tc9/sdk";
import { EquipmentDisplay, LogInCharacter } from "@tc9/sdk/contracts";
import { equippedItemEntries } from "./equipment-cache.js";
import type { ItemDisplayCache } from "./item-display-cache.js";

/** `PET_SAVE_AS_CURRENT`: the slot of the pet the character has out. */
const currentPetSlot = 0;

const selectLogInCharacters = `
  SELECT c.guid, c.account, c.name, c.race, c.class, c.gender, c.skin, c.face, c.hairStyle, c.hairColor,
         c.facialStyle, c.level, c.zone, c.map, c.position_x AS x, c.position_y AS y, c.position_z AS z,
         gm.guildid AS guildId, c.playerFlags, c.extra_flags AS extraFlags, c.at_login AS atLogin,
         cp.entry AS petEntry, cp.modelid AS petModelId, cp.level AS petLevel, c.equipmentCache,
         EXISTS (SELECT 1 FROM character_banned AS cb WHERE cb.guid = c.guid AND cb.active = 1) AS banned
    FROM characters AS c
    LEFT JOIN character_pet AS cp ON cp.owner = c.guid AND cp.slot = ?
    LEFT JOIN guild_member AS gm ON gm.guid = c.guid`;

interface LogInCharacterRow {
  guid: number;
  account: number;
  name: string;
  race: number;
  class: number;
  gender: number;
  skin: number;
  face: number;
  hairStyle: number;
  hairColor: number;
  facialStyle: number;
  level: number;
  zone: number;
  map: number;
  x: number;
  y: number;
  z: number;
  guildId: number | null;
  playerFlags: number;
  extraFlags: number;
  atLogin: number;
  petEntry: number | null;
  petModelId: number | null;
  petLevel: number | null;
  equipmentCache: string | null;
  banned: number | string;
}

/** The account's characters on the realm, in AzerothCore's character-screen order. */
export async function logInCharactersOfAccount(
  characters: Queryable,
  items: ItemDisplayCache,
  accountId: number,
): Promise<LogInCharacter[]> {
  const rows = await characters.queryRows<LogInCharacterRow>(
    `${selectLogInCharacters} WHERE c.account = ? AND c.deleteInfos_Name IS NULL ORDER BY c.\`order\`, c.guid`,
    [currentPetSlot, accountId],
  );
  return toLogInCharacters(rows, items);
}

/** The character, when it exists, is not deleted and belongs to the account (ToCloud9 PR #37). */
export async function logInCharacterByGuid(
  characters: Queryable,
  items: ItemDisplayCache,
  accountId: number,
  guid: bigint,
): Promise<LogInCharacter | undefined> {
  const rows = await characters.queryRows<LogInCharacterRow>(
    `${selectLogInCharacters} WHERE c.guid = ? AND c.account = ? AND c.deleteInfos_Name IS NULL`,
    [currentPetSlot, guid, accountId],
  );
  const [character] = await toLogInCharacters(rows, items);
  return character;
}

async function toLogInCharacters(rows: readonly LogInCharacterRow[], items: ItemDisplayCache): Promise<LogInCharacter[]> {
  const unique = [...new Map(rows.map((row) => [row.guid, row])).values()];
  const equipment = new Map(unique.map((row) => [row.guid, equippedItemEntries(row.equipmentCache)]));
  const displays = await items.lookup([...equipment.values()].flat());
  return unique.map((row) =>
    LogInCharacter.create({
      GUID: BigInt(row.guid),
      name: row.name,
      race: row.race,
      class: row.class,
      gender: row.gender,
      skin: row.skin,
      face: row.face,
      hairStyle: row.hairStyle,
      hairColor: row.hairColor,
      facialStyle: row.facialStyle,
      level: row.level,
      zone: row.zone,
      map: row.map,
      positionX: row.x,
      positionY: row.y,
      positionZ: row.z,
      guildID: row.guildId ?? 0,
      playerFlags: row.playerFlags,
      atLogin: row.atLogin,
      petEntry: row.petEntry ?? 0,
      petModelID: row.petModelId ?? 0,
      petLevel: row.petLevel ?? 0,
      banned: Number(row.banned) !== 0,
      equipments: (equipment.get(row.guid) ?? []).map((entry) => {
        const display = displays.get(entry);
        return EquipmentDisplay.create({
          DisplayInfoID: display?.displayId ?? 0,
          InventoryType: display?.inventoryType ?? 0,
        });
      }),
      accountID: row.account,
      extraFlags: row.extraFlags,
    }),
  );
}
