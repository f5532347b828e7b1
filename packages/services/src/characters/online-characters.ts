/**
 * The realm-wide index of characters in the world, fed by the gateways' bus events. It lives in
 * memory only and starts empty: after a restart characters reappear as they next log in (ToCloud9's
 * charserver behaves the same). Login and logout events carry the gateway's event time; one older
 * than the last applied for that character is ignored, so a late logout cannot drop a fresh login.
 */
import type { CharacterSummary } from "./stored-characters.js";
import { toLowerName } from "./player-names.js";

/** An online character and the gateway holding its session. */
export interface OnlineCharacter extends CharacterSummary {
  readonly realmId: number;
  readonly gatewayId: string;
}

/** Changed fields of an online character (`gw.char.chars-updates`). */
export interface OnlineCharacterUpdate {
  readonly guid: bigint;
  readonly eventTime: bigint;
  readonly level?: number;
  readonly map?: number;
  readonly zone?: number;
}

/** How long the time of a character's last login or logout is kept once it is offline. */
const lifecycleMemoryNanos = 10n * 60n * 1_000_000_000n;
/** Offline characters whose last event time is remembered before old ones are dropped. */
const lifecycleMemoryLimit = 4096;

class RealmIndex {
  readonly byGuid = new Map<bigint, OnlineCharacter>();
  readonly byName = new Map<string, OnlineCharacter>();
  /** Last applied login/logout time per character; offline entries are pruned. */
  readonly lifecycleTimes = new Map<bigint, bigint>();

  isStale(guid: bigint, eventTime: bigint): boolean {
    return eventTime !== 0n && (this.lifecycleTimes.get(guid) ?? 0n) > eventTime;
  }

  remember(guid: bigint, eventTime: bigint): void {
    if (eventTime === 0n) return;
    this.lifecycleTimes.set(guid, eventTime);
    if (this.lifecycleTimes.size - this.byGuid.size <= lifecycleMemoryLimit) return;
    for (const [otherGuid, time] of this.lifecycleTimes) {
      if (!this.byGuid.has(otherGuid) && time < eventTime - lifecycleMemoryNanos) this.lifecycleTimes.delete(otherGuid);
    }
  }

  drop(guid: bigint): void {
    const character = this.byGuid.get(guid);
    if (character === undefined) return;
    this.byGuid.delete(guid);
    const key = toLowerName(character.name);
    if (this.byName.get(key)?.guid === guid) this.byName.delete(key);
  }
}

/** Online characters per realm, by GUID and by case-insensitive name. */
export class OnlineCharacters {
  readonly #realms = new Map<number, RealmIndex>();
  readonly #servedRealms: ReadonlySet<number>;

  /** Events for realms outside `servedRealms` are ignored. */
  constructor(servedRealms: Iterable<number>) {
    this.#servedRealms = new Set(servedRealms);
  }

  /** A character entered the world (`gw.char.logged-in`); replaces an older entry of the same GUID. */
  loggedIn(character: OnlineCharacter, eventTime: bigint): void {
    const realm = this.#realm(character.realmId);
    if (realm === undefined || realm.isStale(character.guid, eventTime)) return;
    realm.drop(character.guid);
    realm.byGuid.set(character.guid, character);
    realm.byName.set(toLowerName(character.name), character);
    realm.remember(character.guid, eventTime);
  }

  /** A character left the world (`gw.char.logged-out`). */
  loggedOut(realmId: number, guid: bigint, eventTime: bigint): void {
    const realm = this.#realm(realmId);
    if (realm === undefined || realm.isStale(guid, eventTime)) return;
    realm.drop(guid);
    realm.remember(guid, eventTime);
  }

  /**
   * Applies level / map / zone changes reported by a gateway; a gateway cannot change characters
   * another gateway holds, and changes older than the character's login are ignored.
   */
  updated(realmId: number, gatewayId: string, updates: readonly OnlineCharacterUpdate[]): void {
    const realm = this.#realm(realmId);
    if (realm === undefined) return;
    for (const update of updates) {
      const current = realm.byGuid.get(update.guid);
      if (current === undefined || (gatewayId !== "" && current.gatewayId !== "" && gatewayId !== current.gatewayId)) continue;
      if (realm.isStale(update.guid, update.eventTime)) continue;
      this.#replace(realm, {
        ...current,
        level: update.level ?? current.level,
        map: update.map ?? current.map,
        zone: update.zone ?? current.zone,
      });
    }
  }

  /** Sets the guild of an online character (guild member events). */
  guildChanged(realmId: number, guid: bigint, guildId: number): void {
    const realm = this.#realm(realmId);
    const current = realm?.byGuid.get(guid);
    if (realm !== undefined && current !== undefined) this.#replace(realm, { ...current, guildId });
  }

  /**
   * Drops every character held by a gateway that went away, except those that logged in after
   * `eventTime` (0: now); returns their GUIDs.
   */
  gatewayGone(realmId: number, gatewayId: string, eventTime: bigint): bigint[] {
    const realm = this.#realm(realmId);
    if (realm === undefined) return [];
    const cutoff = eventTime === 0n ? BigInt(Date.now()) * 1_000_000n : eventTime;
    const gone = [...realm.byGuid.values()]
      .filter((character) => character.gatewayId === gatewayId && !realm.isStale(character.guid, cutoff))
      .map((character) => character.guid);
    for (const guid of gone) {
      realm.drop(guid);
      realm.remember(guid, cutoff);
    }
    return gone;
  }

  byGuid(realmId: number, guid: bigint): OnlineCharacter | undefined {
    return this.#realms.get(realmId)?.byGuid.get(guid);
  }

  /** Case-insensitive. */
  byName(realmId: number, name: string): OnlineCharacter | undefined {
    return this.#realms.get(realmId)?.byName.get(toLowerName(name));
  }

  /** Everyone online on the realm, in login order. */
  all(realmId: number): OnlineCharacter[] {
    return [...(this.#realms.get(realmId)?.byGuid.values() ?? [])];
  }

  #realm(realmId: number): RealmIndex | undefined {
    if (!this.#servedRealms.has(realmId)) return undefined;
    let realm = this.#realms.get(realmId);
    if (realm === undefined) {
      realm = new RealmIndex();
      this.#realms.set(realmId, realm);
    }
    return realm;
  }

  #replace(realm: RealmIndex, character: OnlineCharacter): void {
    realm.byGuid.set(character.guid, character);
    realm.byName.set(toLowerName(character.name), character);
  }
}
