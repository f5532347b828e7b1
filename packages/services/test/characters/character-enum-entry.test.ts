/**
 * The SMSG_CHAR_ENUM entry built from a LogInCharacter: AzerothCore's character and customize
 * flags, first login hiding the zone, when a pet shows, and that the entry encodes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LogInCharacter } from "@tc9/sdk/contracts";
import { charEnumCodec } from "@tc9/sdk/wow";
import {
  AtLoginFlag,
  CharacterClass,
  CharacterFlag,
  CharCustomizeFlag,
  characterCustomizeFlags,
  characterEnumFlags,
  PlayerExtraFlag,
  PlayerFlag,
  toCharacterEnumEntry,
} from "../../src/characters/index.js";

const hunter = LogInCharacter.create({
  GUID: 2n, name: "Bravo", race: 2, class: CharacterClass.HUNTER, level: 70, zone: 14, map: 1, positionX: 1, positionY: 2, positionZ: 3,
  guildID: 7, petEntry: 299, petModelID: 903, petLevel: 69,
  equipments: [{ DisplayInfoID: 5000, InventoryType: 1, EnchantmentID: 0 }],
});

describe("character screen entries", () => {
  it("sets AzerothCore's character flags from playerFlags, at_login and the ban", () => {
    const flags = (playerFlags: number, atLogin = 0, banned = false): number => characterEnumFlags({ playerFlags, atLogin, banned });
    assert.equal(flags(0), CharacterFlag.DECLINED);
    assert.equal(flags(PlayerFlag.HIDE_HELM | PlayerFlag.HIDE_CLOAK), CharacterFlag.DECLINED | CharacterFlag.HIDE_HELM | CharacterFlag.HIDE_CLOAK);
    assert.equal(flags(PlayerFlag.GHOST), CharacterFlag.DECLINED | CharacterFlag.GHOST);
    assert.equal(flags(PlayerFlag.GHOST, AtLoginFlag.RESURRECT), CharacterFlag.DECLINED, "a pending resurrection is no ghost");
    assert.equal(flags(0, AtLoginFlag.RENAME), CharacterFlag.DECLINED | CharacterFlag.RENAME);
    assert.equal(flags(0, 0, true), CharacterFlag.DECLINED | CharacterFlag.LOCKED_BY_BILLING);
  });

  it("sends one customize flag, customization first", () => {
    assert.equal(characterCustomizeFlags(0), CharCustomizeFlag.NONE);
    assert.equal(characterCustomizeFlags(AtLoginFlag.CHANGE_RACE | AtLoginFlag.CHANGE_FACTION), CharCustomizeFlag.FACTION);
    assert.equal(characterCustomizeFlags(AtLoginFlag.CUSTOMIZE | AtLoginFlag.CHANGE_RACE), CharCustomizeFlag.CUSTOMIZE);
    assert.equal(characterCustomizeFlags(AtLoginFlag.CHANGE_RACE), CharCustomizeFlag.RACE);
  });

  it("shows the pets of hunters, warlocks and (when flagged) death knights, never of ghosts", () => {
    assert.deepEqual(toCharacterEnumEntry(hunter, 24).pet, { displayId: 903, level: 69, family: 24 });
    assert.deepEqual(toCharacterEnumEntry({ ...hunter, class: CharacterClass.WARRIOR }).pet, { displayId: 0, level: 0, family: 0 });
    assert.deepEqual(toCharacterEnumEntry({ ...hunter, playerFlags: PlayerFlag.GHOST }).pet, { displayId: 0, level: 0, family: 0 });
    const deathKnight = { ...hunter, class: CharacterClass.DEATH_KNIGHT };
    assert.equal(toCharacterEnumEntry(deathKnight).pet.displayId, 0);
    assert.equal(toCharacterEnumEntry({ ...deathKnight, extraFlags: PlayerExtraFlag.SHOW_DK_PET }).pet.displayId, 903);
  });

  it("hides the zone before the first login and encodes as SMSG_CHAR_ENUM", () => {
    const entry = toCharacterEnumEntry(hunter);
    assert.deepEqual([entry.zone, entry.firstLogin, entry.guildId, entry.equipment.length], [14, false, 7, 23]);
    assert.deepEqual(entry.equipment[0], { displayId: 5000, inventoryType: 1, enchantAuraId: 0 });
    const fresh = toCharacterEnumEntry({ ...hunter, atLogin: AtLoginFlag.FIRST | AtLoginFlag.RESET_SPELLS });
    assert.deepEqual([fresh.zone, fresh.firstLogin], [0, true]);
    const decoded = charEnumCodec.decode(charEnumCodec.encode({ characters: [entry, fresh] }));
    assert.deepEqual(decoded.characters.map((c) => [c.guid, c.name, c.zone, c.firstLogin, c.characterFlags]), [
      [2n, "Bravo", 14, false, CharacterFlag.DECLINED],
      [2n, "Bravo", 0, true, CharacterFlag.DECLINED],
    ]);
  });
});
