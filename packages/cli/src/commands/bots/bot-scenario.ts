import { Tc9Error } from "@tc9/sdk";
import { HeadlessClient, LogonClientError } from "@tc9/sdk/testing";
import { Opcode, ResponseCode, serverChatMessageCodec, type CharacterEnumEntry, type RealmEntry } from "@tc9/sdk/wow";
import { randomBytes } from "node:crypto";
import { errorSummary } from "../../errors.js";

/** The steps of one bot's scenario, in order; a failure is counted at the step it happened in. */
export const BOT_STEPS = ["logon", "realm-list", "world-connect", "character", "enter-world", "say", "teleport", "map-change", "logout"] as const;

/** One step of {@link BOT_STEPS}. */
export type BotStep = (typeof BOT_STEPS)[number];

/** Where one bot connects and how long it waits for each reply. */
export interface BotTarget {
  readonly auth: { readonly host: string; readonly port: number };
  readonly username: string;
  readonly password: string;
  /** The realm to play on; undefined takes the first realm of the list. */
  readonly realmId?: number | undefined;
  readonly timeoutMs: number;
}

/** How one run of the scenario ended: milliseconds per completed step, and the failure if any. */
export interface BotRun {
  readonly username: string;
  readonly timings: Partial<Record<BotStep, number>>;
  readonly failure?: { readonly stage: BotStep; readonly code: string; readonly message: string };
}

/** A step of the bot scenario found something other than what the game client expects. */
export class BotScenarioError extends Tc9Error {
  constructor(message: string) {
    super("TC9_ERR_BOTS_SCENARIO", message);
  }
}

/** How many names a bot tries before it gives up creating a character. */
const NAME_ATTEMPTS = 3;
/** How far (yards, on both axes) the bot moves with `.go xyz`. */
const TELEPORT_OFFSET = 3;
/**
 * The map-change step's tour: a capital on each continent. The registry weighs the four continents
 * heavily, so a realm with two or more every-map worldservers never has them all on one: a tour
 * crosses worldservers at least once.
 */
const CONTINENT_CAPITALS = [
  { map: 0, x: -8913.2, y: 554.6, z: 93.8 }, // Stormwind, Eastern Kingdoms
  { map: 1, x: 1676.2, y: -4315.3, z: 61.5 }, // Orgrimmar, Kalimdor
  { map: 530, x: -1838.2, y: 5301.8, z: -12.4 }, // Shattrath, Outland
  { map: 571, x: 5804.1, y: 624.7, z: 647.8 }, // Dalaran, Northrend
] as const;

/**
 * Runs the scenario once, as one game client would: log on (SRP6) and fetch the realm list, pick
 * the realm, connect to its world port, create a character if the account has none, enter the
 * world, say something and hear it back, teleport a few yards with `.go xyz` on the same map,
 * tour the continents' capitals (maps other worldservers may own: the gateway then moves the
 * character there) and be heard on each, log out. Never throws: the first failing step ends the run and is reported with its error.
 */
export async function runBotScenario(target: BotTarget): Promise<BotRun> {
  const timings: Partial<Record<BotStep, number>> = {};
  const client = new HeadlessClient({ auth: target.auth, username: target.username, password: target.password, timeoutMs: target.timeoutMs });
  let current: BotStep = "logon";
  const step = async <T>(name: BotStep, work: () => Promise<T>): Promise<T> => {
    current = name;
    const startedAt = performance.now();
    const result = await work();
    timings[name] = performance.now() - startedAt;
    return result;
  };
  try {
    const { realms } = await step("logon", () => client.logon());
    const realm = await step("realm-list", async () => pickRealm(realms, target.realmId));
    await step("world-connect", () => client.connectWorld(realm));
    const character = await step("character", () => ensureCharacter(client));
    await step("enter-world", () => client.enterWorld(character.guid));
    await step("say", () => sayAndHear(client, `tc9 bot ${target.username} ${randomBytes(4).toString("hex")}`));
    await step("teleport", () => teleportNearby(client));
    await step("map-change", () => tourContinents(client, `tc9 bot ${target.username} ${randomBytes(4).toString("hex")}`));
    await step("logout", () => client.logout());
    return { username: target.username, timings };
  } catch (error) {
    const stage = error instanceof LogonClientError && error.stage === "realm-list" ? "realm-list" : current;
    return { username: target.username, timings, failure: { stage, ...errorSummary(error) } };
  } finally {
    client.close();
  }
}

function pickRealm(realms: readonly RealmEntry[], realmId: number | undefined): RealmEntry {
  const realm = realmId === undefined ? realms[0] : realms.find((entry) => entry.id === realmId);
  if (realm !== undefined) return realm;
  const listed = realms.map((entry) => entry.id).join(", ") || "none";
  throw new BotScenarioError(
    realmId === undefined ? "the realm list is empty; register the realm in realmlist" : `realm ${realmId} is not in the realm list (listed: ${listed}); pass one of those to --realm`,
  );
}

/** The account's first character, created first (a human warrior with a random name) when it has none. */
async function ensureCharacter(client: HeadlessClient): Promise<CharacterEnumEntry> {
  const existing = (await client.characters())[0];
  if (existing !== undefined) return existing;
  for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt += 1) {
    const result = await client.createCharacter({ name: randomCharacterName() });
    if (result === ResponseCode.CHAR_CREATE_NAME_IN_USE) continue;
    if (result !== ResponseCode.CHAR_CREATE_SUCCESS) throw new BotScenarioError(`the server refused to create a character (response code 0x${result.toString(16)})`);
    const created = (await client.characters())[0];
    if (created !== undefined) return created;
    throw new BotScenarioError("the character list is still empty after the server created a character");
  }
  throw new BotScenarioError(`${NAME_ATTEMPTS} random character names were all taken`);
}

/**
 * "Bot", five random letters, none equal to the letter before it, and a vowel: a valid, almost
 * surely free name (AzerothCore allows letters only, refuses three identical letters in a row and
 * reserves names ending in "gm").
 */
export function randomCharacterName(): string {
  const bytes = randomBytes(6);
  let name = "Bot";
  for (const byte of bytes.subarray(0, 5)) {
    const previous = name.charCodeAt(name.length - 1) - 97;
    name += String.fromCharCode(97 + ((previous + 1 + (byte % 25)) % 26));
  }
  return name + "aeiou".charAt((bytes[5] ?? 0) % 5);
}

async function sayAndHear(client: HeadlessClient, text: string): Promise<void> {
  const heard = client.waitFor(Opcode.SMSG_MESSAGECHAT, (message) => {
    try {
      return serverChatMessageCodec.decode(message.payload).message === text;
    } catch {
      return false;
    }
  });
  client.say(text);
  await heard;
}

async function teleportNearby(client: HeadlessClient): Promise<void> {
  const player = client.player;
  if (player === undefined) throw new BotScenarioError("the character is not in the world");
  const { x, y, z } = player.location.position;
  await client.teleport(x + TELEPORT_OFFSET, y + TELEPORT_OFFSET, z);
}

/**
 * `.go xyz` to each continent's capital in turn (skipping the one the character is on), saying
 * something and hearing it back on each: heard only once a worldserver has the character on the
 * new map (after the gateway's redirect when another worldserver owns it).
 */
async function tourContinents(client: HeadlessClient, text: string): Promise<void> {
  const player = client.player;
  if (player === undefined) throw new BotScenarioError("the character is not in the world");
  for (const capital of CONTINENT_CAPITALS.filter((spot) => spot.map !== player.location.map)) {
    await client.teleport(capital.x, capital.y, capital.z, capital.map);
    await sayAndHear(client, `${text} on map ${capital.map}`);
  }
}
