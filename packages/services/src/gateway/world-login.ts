import type { Client } from "@tc9/sdk";
import type { CharactersService, LogInCharacter, ServersRegistryService } from "@tc9/sdk/contracts";
import { LoginFailureReason } from "@tc9/sdk/wow";
import type { Logger } from "pino";
import type { GatewayMetrics } from "./gateway-metrics.js";
import { WorldLink, type WorldLinkSettings } from "./world-link.js";

/** What finding a character's worldserver needs. */
export interface WorldLoginDeps {
  readonly realmId: number;
  readonly characters: Client<typeof CharactersService>;
  readonly registry: Client<typeof ServersRegistryService>;
  readonly rpcTimeoutMs: number;
  readonly link: WorldLinkSettings;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
}

/** A character with an open link to the worldserver that owns its map, or why there is none. */
export type WorldConnectAttempt =
  | { readonly ok: true; readonly character: LogInCharacter; readonly link: WorldLink }
  | { readonly ok: false; readonly reason: number; readonly detail: string };

const API = "tc9";

/**
 * The first half of ToCloud9's `connectToGameServer`: the character (CharactersToLoginByGUID, which
 * only finds the account's own characters), the worldserver that handles its map
 * (AvailableGameServersForMapAndRealm; no group service yet, so group 0) and a TCP link to it.
 * Failures carry ToCloud9's SMSG_CHARACTER_LOGIN_FAILED reasons: NO_CHARACTER when the character is
 * unknown or not the account's, NO_INSTANCES when no worldserver handles the map, FAILED when a
 * service or the worldserver cannot be reached; a banned character is LOCKED_BY_BILLING, which is
 * how the character screen shows it.
 */
export async function connectToWorld(
  deps: WorldLoginDeps,
  accountId: number,
  guid: bigint,
  signal: AbortSignal,
): Promise<WorldConnectAttempt> {
  const options = { timeoutMs: deps.rpcTimeoutMs, signal };
  let character: LogInCharacter | undefined;
  try {
    ({ character } = await deps.characters.charactersToLoginByGUID({ api: API, realmID: deps.realmId, accountID: accountId, characterGUID: guid }, options));
  } catch (error) {
    return failed(LoginFailureReason.FAILED, `the characters service did not answer: ${describe(error)}`);
  }
  if (!character) return failed(LoginFailureReason.NO_CHARACTER, `account ${accountId} has no character ${guid}`);
  if (character.banned) return failed(LoginFailureReason.LOCKED_BY_BILLING, `character ${guid} is banned`);
  let address: string | undefined;
  try {
    const { gameServers } = await deps.registry.availableGameServersForMapAndRealm(
      { api: API, realmID: deps.realmId, mapID: character.map, isCrossRealm: false, groupID: 0 },
      options,
    );
    address = gameServers[0]?.address;
  } catch (error) {
    return failed(LoginFailureReason.FAILED, `the servers registry did not answer: ${describe(error)}`);
  }
  if (address === undefined) return failed(LoginFailureReason.NO_INSTANCES, `no worldserver handles map ${character.map}`);
  try {
    const link = await WorldLink.open(address, deps.link, deps.metrics, deps.logger, signal);
    return { ok: true, character, link };
  } catch (error) {
    return failed(LoginFailureReason.FAILED, `the worldserver at ${address} cannot be reached: ${describe(error)}`);
  }
}

function failed(reason: number, detail: string): WorldConnectAttempt {
  return { ok: false, reason, detail };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
