/** Shared setup of the character creation and deletion tests. */
import type { Database } from "@tc9/sdk";
import type { CharacterCreate } from "@tc9/sdk/wow";
import type { CreateCharacterRequest } from "../../../src/characters/index.js";
import { seedPlayerCreateInfo } from "./seed.js";

/** Starting positions for the race/class pairs the tests create (a subset of 3.3.5a's). */
export const STARTS = {
  humanWarrior: { race: 1, classId: 1, map: 0, zone: 12, x: -8949.95, y: -132.493, z: 83.5312, orientation: 0 },
  humanDeathKnight: { race: 1, classId: 6, map: 609, zone: 4298, x: 2355.84, y: -5664.77, z: 426.028, orientation: 3.65997 },
  orcWarrior: { race: 2, classId: 1, map: 1, zone: 14, x: -618.518, y: -4251.67, z: 38.718, orientation: 0 },
  nightElfDruid: { race: 4, classId: 11, map: 1, zone: 141, x: 10311.3, y: 832.463, z: 1326.41, orientation: 5.69632 },
} as const;

export async function seedStarts(world: Database): Promise<void> {
  for (const { race, classId, ...start } of Object.values(STARTS)) await seedPlayerCreateInfo(world, race, classId, start);
}

/** A CMSG_CHAR_CREATE for a human warrior; override what the test is about. */
export function humanWarrior(overrides: Partial<CharacterCreate> = {}): CharacterCreate {
  return { name: "Arthas", race: 1, classId: 1, gender: 0, skin: 1, face: 2, hairStyle: 3, hairColor: 4, facialHair: 5, outfitId: 0, ...overrides };
}

let nextGuid = 1000n;

/** A GUID source handing out fresh GUIDs, as the guid module will. */
export async function freshGuid(): Promise<bigint> {
  nextGuid += 1n;
  return nextGuid;
}

/** A creation request on realm 1 with a fresh GUID source. */
export function creation(accountId: number, character: CharacterCreate, extra: Partial<CreateCharacterRequest> = {}): CreateCharacterRequest {
  return { realmId: 1, accountId, character, newGuid: freshGuid, ...extra };
}
