import {
  collectUnitStats,
  loginVerifyWorldCodec,
  newWorldCodec,
  Opcode,
  PacketReader,
  smsgCompressedUpdateObjectCodec,
  smsgUpdateObjectCodec,
  type UnitStatsUpdate,
  type WorldFrame,
} from "@tc9/sdk/wow";
import type { CharacterChanges } from "./gateway-events.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Known = Mutable<Required<CharacterChanges>>;

/**
 * Follows a character's level, map, zone, area, health and power in the packets its worldserver
 * sends (ToCloud9's gateway snoops the same ones): SMSG_LOGIN_VERIFY_WORLD and SMSG_NEW_WORLD
 * (map), SMSG_INIT_WORLD_STATES (map, zone, area), SMSG_LEVELUP_INFO (level) and the character's
 * own fields in SMSG_(COMPRESSED_)UPDATE_OBJECT. `observe` returns what changed, for
 * `gw.char.chars-updates`. A packet that does not decode changes nothing; relaying it is the
 * caller's business.
 */
export class CharacterStats {
  readonly #guid: bigint;
  readonly #known: Partial<Known>;

  constructor(guid: bigint, initial: { readonly level: number; readonly map: number; readonly zone: number }) {
    this.#guid = guid;
    this.#known = { Lvl: initial.level, Map: initial.map, Zone: initial.zone };
  }

  /** The fields of `frame` that differ from what was known, or undefined when nothing changed. */
  observe(frame: WorldFrame): CharacterChanges | undefined {
    let seen: Partial<Known>;
    try {
      seen = this.#read(frame);
    } catch {
      return undefined;
    }
    const changes: Partial<Known> = {};
    let changed = false;
    for (const key of Object.keys(seen) as Array<keyof Known>) {
      const value = seen[key];
      if (value === undefined || this.#known[key] === value) continue;
      this.#known[key] = value;
      changes[key] = value;
      changed = true;
    }
    return changed ? changes : undefined;
  }

  #read(frame: WorldFrame): Partial<Known> {
    switch (frame.opcode) {
      case Opcode.SMSG_LOGIN_VERIFY_WORLD:
        return { Map: loginVerifyWorldCodec.decode(frame.payload).map };
      case Opcode.SMSG_NEW_WORLD:
        return { Map: newWorldCodec.decode(frame.payload).map };
      case Opcode.SMSG_INIT_WORLD_STATES: {
        const reader = new PacketReader(frame.payload, { opcode: frame.opcode });
        return { Map: reader.readU32(), Zone: reader.readU32(), Area: reader.readU32() };
      }
      case Opcode.SMSG_LEVELUP_INFO:
        return { Lvl: new PacketReader(frame.payload, { opcode: frame.opcode }).readU32() };
      case Opcode.SMSG_UPDATE_OBJECT:
        return this.#fromUnitStats(collectUnitStats(smsgUpdateObjectCodec.decode(frame.payload), this.#guid));
      case Opcode.SMSG_COMPRESSED_UPDATE_OBJECT:
        return this.#fromUnitStats(collectUnitStats(smsgCompressedUpdateObjectCodec.decode(frame.payload), this.#guid));
      default:
        return {};
    }
  }

  #fromUnitStats(stats: UnitStatsUpdate): Partial<Known> {
    const seen: Partial<Known> = {};
    if (stats.level !== undefined) seen.Lvl = stats.level;
    if (stats.health !== undefined) seen.CurHP = stats.health;
    if (stats.maxHealth !== undefined) seen.MaxHP = stats.maxHealth;
    const powerType = stats.bytes0?.powerType ?? this.#known.PowerType;
    if (stats.bytes0 !== undefined) seen.PowerType = stats.bytes0.powerType;
    if (powerType !== undefined) {
      const power = stats.powers?.get(powerType);
      const maxPower = stats.maxPowers?.get(powerType);
      if (power !== undefined) seen.CurPower = power;
      if (maxPower !== undefined) seen.MaxPower = maxPower;
    }
    return seen;
  }
}
