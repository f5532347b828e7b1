import type { Client, Database } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { RealmFlag, RealmType, type RealmEntry } from "@tc9/sdk/wow";
import type { Logger } from "pino";
import type { BuildInfo } from "./logon-store.js";

/**
 * The realm list of one account: AzerothCore's realms (`realmlist`, `realmcharacters`,
 * `account_access`) with ToCloud9's addresses (each realm's least-loaded gateway from the
 * servers registry; a realm without a live gateway is flagged offline).
 */

/** `SEC_ADMINISTRATOR`: AzerothCore caps `allowedSecurityLevel` here. */
const MAX_ALLOWED_SECURITY_LEVEL = 3;
/** `SEC_CONSOLE`: AzerothCore caps the account's level here. */
const MAX_ACCOUNT_SECURITY_LEVEL = 4;
/** Realm types the 3.3.5a client knows are below this (`MAX_CLIENT_REALM_TYPE`). */
const MAX_CLIENT_REALM_TYPE = 14;
/** AzerothCore's custom free-for-all PvP type, shown to clients as PvP. */
const REALM_TYPE_FFA_PVP = 16;

interface RealmRow {
  id: number;
  name: string;
  address: string;
  port: number;
  icon: number;
  flag: number;
  timezone: number;
  allowedSecurityLevel: number;
  population: number;
  gamebuild: number;
}

/** What building a realm list needs besides the database. */
export interface RealmListSources {
  readonly db: Database;
  readonly registry: Client<typeof ServersRegistryService>;
  readonly registryTimeoutMs: number;
  readonly builds: ReadonlyMap<number, BuildInfo>;
  readonly logger: Logger;
}

/** The realm list reply for `accountId`, whose client runs `clientBuild`. */
export async function buildRealmList(sources: RealmListSources, accountId: number, clientBuild: number): Promise<RealmEntry[]> {
  const { db } = sources;
  const realms = await db.queryRows<RealmRow>(
    "SELECT id, name, address, port, icon, flag, timezone, allowedSecurityLevel, population, gamebuild FROM realmlist WHERE flag <> 3 ORDER BY id",
  );
  const counts = await db.queryRows<{ realmid: number; numchars: number }>(
    "SELECT realmid, numchars FROM realmcharacters WHERE acctid = ?",
    [accountId],
  );
  const access = await db.queryRows<{ gmlevel: number; RealmID: number }>("SELECT gmlevel, RealmID FROM account_access WHERE id = ?", [accountId]);
  const listed = realms.filter((realm) => realm.id <= 0xff && (realm.gamebuild === clientBuild || sources.builds.has(realm.gamebuild)));
  const gateways = await gatewayAddresses(sources, listed.map((realm) => realm.id));
  const characterCounts = new Map(counts.map((row) => [row.realmid, row.numchars]));
  return listed.map((realm) => {
    const securityLevel = Math.min(MAX_ACCOUNT_SECURITY_LEVEL, securityLevelOn(access, realm.id));
    const gateway = gateways.get(realm.id);
    const sameBuild = realm.gamebuild === clientBuild;
    let flags = gateway !== undefined && sameBuild ? realm.flag & ~RealmFlag.OFFLINE : realm.flag | RealmFlag.OFFLINE;
    if (!sameBuild) flags |= RealmFlag.SPECIFY_BUILD;
    const buildInfo = sources.builds.get(realm.gamebuild);
    if (!buildInfo) flags &= ~RealmFlag.SPECIFY_BUILD;
    const entry: RealmEntry = {
      type: clientRealmType(realm.icon),
      locked: Math.min(realm.allowedSecurityLevel, MAX_ALLOWED_SECURITY_LEVEL) > securityLevel,
      flags,
      name: realm.name,
      address: gateway ?? `${realm.address}:${realm.port}`,
      population: realm.population,
      characterCount: Math.min(characterCounts.get(realm.id) ?? 0, 0xff),
      timezone: realm.timezone,
      id: realm.id,
    };
    return flags & RealmFlag.SPECIFY_BUILD && buildInfo ? { ...entry, build: buildInfo } : entry;
  });
}

/**
 * The account's GM level on one realm the way AzerothCore's worldserver reads it
 * (`LOGIN_SEL_ACCOUNT_INFO_BY_NAME`): the realm's own row, else the every-realm row (-1), else 0.
 */
function securityLevelOn(access: ReadonlyArray<{ gmlevel: number; RealmID: number }>, realmId: number): number {
  const own = access.find((row) => row.RealmID === realmId) ?? access.find((row) => row.RealmID === -1);
  return own?.gmlevel ?? 0;
}

/** AzerothCore's `RealmList::UpdateRealms` mapping of `realmlist.icon` to what the client understands. */
function clientRealmType(icon: number): number {
  if (icon === REALM_TYPE_FFA_PVP) return RealmType.PVP;
  return icon >= MAX_CLIENT_REALM_TYPE ? RealmType.NORMAL : icon;
}

/** Realm id → "host:port" of its least-loaded gateway; empty when the registry cannot be asked. */
async function gatewayAddresses(sources: RealmListSources, realmIds: readonly number[]): Promise<Map<number, string>> {
  const addresses = new Map<number, string>();
  if (realmIds.length === 0) return addresses;
  try {
    const response = await sources.registry.gatewaysForRealms(
      { api: "tc9", realmIDs: [...realmIds] },
      { timeoutMs: sources.registryTimeoutMs },
    );
    for (const gateway of response.gateways) {
      if (gateway.address !== "" && !addresses.has(gateway.realmID)) addresses.set(gateway.realmID, gateway.address);
    }
  } catch (error) {
    sources.logger.warn({ err: error, realmIds }, "servers registry did not answer GatewaysForRealms; listing every realm as offline");
  }
  return addresses;
}
