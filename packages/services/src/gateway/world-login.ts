import type { Client } from "@tc9/sdk";
import type { CharactersService, LogInCharacter } from "@tc9/sdk/contracts";
import { LoginFailureReason, Opcode, playerLoginCodec, type WorldFrame } from "@tc9/sdk/wow";
import type { Logger } from "pino";
import type { GatewayMetrics } from "./gateway-metrics.js";
import { WorldLink, type WorldLinkSettings } from "./world-link.js";
import { registryChoice, type PlacementDeps } from "./world-placement.js";

/** What finding a character's worldserver needs. */
export interface WorldLoginDeps extends PlacementDeps {
  readonly characters: Client<typeof CharactersService>;
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
 * (AvailableGameServersForMapAndRealm's first answer; no group service yet, so group 0) and a TCP link to it.
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
    [address] = await registryChoice(deps, character.map, signal);
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

/** How a login on one link ended. */
export type LinkLogin =
  /**
   * SMSG_LOGIN_VERIFY_WORLD came; `before` has what the worldserver sent ahead of it, `after` what
   * it sent since, until the caller attaches.
   */
  | { readonly ok: true; readonly verify: WorldFrame; readonly before: WorldFrame[]; readonly after: WorldFrame[] }
  /** The worldserver refused (its SMSG_CHARACTER_LOGIN_FAILED), the link closed or the login timed out; the link is closed. */
  | { readonly ok: false; readonly refusal?: WorldFrame; readonly reason: string };

/** Timing of a login on a worldserver link. */
export interface LinkLoginTiming {
  /** Pause between the replayed CMSG_AUTH_SESSION and CMSG_PLAYER_LOGIN (ToCloud9: 200 ms). */
  readonly delayMs: number;
  /** How long the worldserver may take to answer with SMSG_LOGIN_VERIFY_WORLD. */
  readonly timeoutMs: number;
}

/**
 * Logs `guid` in on `link` in ToCloud9's convention: the client's CMSG_AUTH_SESSION replayed in
 * plaintext, a pause, CMSG_PLAYER_LOGIN; resolves on SMSG_LOGIN_VERIFY_WORLD (or the refusal, the
 * link closing, the timeout or `signal`, after which the link is closed). The caller takes the
 * link over with `attach` right after, handling `before` and `after` first.
 */
export function loginOnLink(link: WorldLink, guid: bigint, authSession: Uint8Array, timing: LinkLoginTiming, signal: AbortSignal): Promise<LinkLogin> {
  return new Promise((resolve) => {
    let verify: WorldFrame | undefined;
    let done = false;
    let delay: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const before: WorldFrame[] = [];
    const after: WorldFrame[] = [];
    const settle = (outcome: LinkLogin): void => {
      if (done) return;
      done = true;
      clearTimeout(delay);
      clearTimeout(deadline);
      signal.removeEventListener("abort", abort);
      if (!outcome.ok) link.close(outcome.reason);
      resolve(outcome);
    };
    const abort = (): void => settle({ ok: false, reason: "the login was abandoned" });
    link.attach({
      frame(frame) {
        if (verify) after.push(frame);
        else if (frame.opcode === Opcode.SMSG_LOGIN_VERIFY_WORLD) settle({ ok: true, verify: (verify = frame), before, after });
        else if (frame.opcode === Opcode.SMSG_CHARACTER_LOGIN_FAILED) settle({ ok: false, refusal: frame, reason: "the worldserver refused the login" });
        else before.push(frame);
      },
      closed(reason) {
        if (!verify) settle({ ok: false, reason });
      },
    });
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    link.send(Opcode.CMSG_AUTH_SESSION, authSession);
    delay = setTimeout(() => {
      if (!verify && !link.isClosed) link.send(playerLoginCodec.opcode, playerLoginCodec.encode({ guid }));
    }, timing.delayMs);
    deadline = setTimeout(
      () => settle({ ok: false, reason: `no SMSG_LOGIN_VERIFY_WORLD within ${timing.timeoutMs} ms` }),
      timing.delayMs + timing.timeoutMs,
    );
  });
}

function failed(reason: number, detail: string): WorldConnectAttempt {
  return { ok: false, reason, detail };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
