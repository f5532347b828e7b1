/**
 * Many players in the world at once, for the move tests and the redirect/failover benchmark:
 * accounts made with the auth module's call, characters written straight into the characters
 * database, then logon, world handshake and login of every client concurrently.
 */
import assert from "node:assert/strict";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import type { Database } from "@tc9/sdk";
import type { HeadlessClient } from "@tc9/sdk/testing";
import { eventually, STARTS, type GatewayRealm } from "./gateway-realm.js";

/** A logged-in client and its character. */
export interface PlayerInWorld {
  readonly client: HeadlessClient;
  readonly guid: bigint;
  /** The account's name (a simulator's session reports it upper-cased, as the client sends it). */
  readonly username: string;
}

/** What the characters start with. */
export interface PlayerSeed {
  readonly map: number;
  readonly count: number;
  readonly money?: number;
  /** How long each client waits for a reply; default 20 s (all log in at once). */
  readonly timeoutMs?: number;
}

const human = STARTS[0] ?? assert.fail("no human start");
/** Characters get GUIDs from here up, far above what the guid module hands out in a test. */
const FIRST_GUID = 100_000;

/** A `characters` row for the tests: a level 7 character with 222 health at the human start position (on `map`). */
export interface StoredCharacter {
  readonly guid: bigint;
  readonly account: number;
  readonly name: string;
  readonly map: number;
  readonly race?: number;
  readonly classId?: number;
  readonly gender?: number;
  readonly money?: number;
}

/** Writes `character` straight into a realm's characters database (offline). */
export async function storeCharacter(characters: Database, character: StoredCharacter): Promise<void> {
  await characters.execute(
    "INSERT INTO characters (guid, account, name, race, class, gender, level, zone, map, position_x, position_y, position_z, money, health, taximask, innTriggerId) " +
      "VALUES (?, ?, ?, ?, ?, ?, 7, ?, ?, ?, ?, ?, ?, 222, '', 0)",
    [
      character.guid, character.account, character.name, character.race ?? human.race, character.classId ?? human.classId, character.gender ?? 0,
      human.zone, character.map, human.x, human.y, human.z, character.money ?? 0,
    ],
  );
}

/** Names AzerothCore accepts: letters only, no three alike in a row. */
function nameOf(index: number): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let name = "";
  for (let rest = index; name.length < 4; rest = Math.floor(rest / letters.length)) name += letters[rest % letters.length] ?? "b";
  return `Mov${name}a`;
}

/**
 * Creates and logs in players of one realm of the cluster (default realm 1) through that realm's
 * gateway; `seeded` counts the players made so far (names and GUIDs stay unique in the realm, so
 * factories of two realms hand out the same low GUIDs).
 */
export class PlayerFactory {
  readonly #realm: GatewayRealm;
  readonly #realmId: number;
  readonly #characters: Database;
  #seeded = 0;
  /** Every client made, to close at the end. */
  readonly clients: HeadlessClient[] = [];

  constructor(realm: GatewayRealm, realmId = 1) {
    this.#realm = realm;
    this.#realmId = realmId;
    this.#characters = realm.realms.get(realmId)?.characters ?? assert.fail(`realm ${realmId} is not part of the cluster`);
  }

  /** `seed.count` level 7 human warriors with 222 health on `seed.map`, logged in concurrently. */
  async inWorld(seed: PlayerSeed): Promise<PlayerInWorld[]> {
    const created: Array<{ username: string; guid: bigint }> = [];
    for (let index = 0; index < seed.count; index++) {
      this.#seeded += 1;
      const username = `mover${this.#realmId}x${this.#seeded}`;
      const accountId = await this.#realm.addAccount(username, "secret");
      const guid = BigInt(FIRST_GUID + this.#seeded);
      await storeCharacter(this.#characters, { guid, account: accountId, name: nameOf(this.#seeded), map: seed.map, money: seed.money ?? 0 });
      created.push({ username, guid });
    }
    return Promise.all(
      created.map(async ({ username, guid }) => {
        const client = this.#realm.client(username, "secret", seed.timeoutMs ?? 20_000);
        this.clients.push(client);
        await client.logon();
        await client.connectWorld(client.realms().find((listed) => listed.id === this.#realmId) ?? assert.fail(`realm ${this.#realmId} is not listed`));
        await client.enterWorld(guid);
        return { client, guid, username };
      }),
    );
  }

  closeAll(): void {
    for (const client of this.clients.splice(0)) client.close();
  }
}

/** Resolves once the registry routes `map` of realm `realmId` (default 1) to the worldserver at `address` first. */
export async function whenRouted(realm: GatewayRealm, map: number, address: string, realmId = 1): Promise<void> {
  await eventually(`map ${map} of realm ${realmId} to be routed to ${address}`, async () => {
    const { gameServers } = await realm.node.use(ServersRegistryService).availableGameServersForMapAndRealm({ realmID: realmId, mapID: map, groupID: 0 });
    return gameServers[0]?.address === address ? true : undefined;
  });
}
