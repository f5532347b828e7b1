/**
 * The player's path through a running realm, played by tc9's headless 3.3.5a client: logon and
 * realm list (auth), world handshake and character screen (gateway), create a character if the
 * account has none of that name, enter the world (worldserver), say something and hear it back,
 * move, log out; then log on again and find the character where it was left.
 *
 *   node --conditions=tc9:source --import tsx src/smoke.ts --account alice:secret
 *   node --conditions=tc9:source --import tsx src/smoke.ts --auth 192.168.1.20:3724 --account alice:secret --character Alicia
 *
 * `runSmoke` is the same flow for code (the example's test uses it).
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { HeadlessClient } from "@tc9/sdk/testing";
import { ChatMsg, Opcode, ResponseCode, serverChatMessageCodec, type MapLocation, type RealmEntry } from "@tc9/sdk/wow";

/** Who plays and where. */
export interface SmokeOptions {
  /** The logon server (the realm's auth port). */
  readonly auth: { readonly host: string; readonly port: number };
  readonly username: string;
  readonly password: string;
  /** The character to play; created when the account has no character of that name. */
  readonly characterName: string;
  /** The realm to enter; default the first one of the realm list. */
  readonly realmId?: number;
  /** How long each reply may take; default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Receives one line per step. */
  readonly progress?: (line: string) => void;
}

/** What the flow saw. */
export interface SmokeReport {
  readonly realm: RealmEntry;
  readonly guid: bigint;
  /** True when this run created the character. */
  readonly created: boolean;
  /** Where the first login put the character. */
  readonly enteredAt: MapLocation;
  /** The text the worldserver echoed back after the character said it. */
  readonly heard: string;
  /** Where the character was when it logged out. */
  readonly leftAt: MapLocation;
  /** The position the character list showed after logging on again. */
  readonly listedAt: { readonly map: number; readonly x: number; readonly y: number; readonly z: number };
  /** Where the second login put the character. */
  readonly reenteredAt: MapLocation;
}

/** How far the character walks (by GM teleport) before logging out, in yards along x and y. */
const STEP = 10;

/** Logs on, picks the realm and opens the world connection through its gateway. */
async function connect(options: SmokeOptions, progress: (line: string) => void): Promise<{ client: HeadlessClient; realm: RealmEntry }> {
  const client = new HeadlessClient({ auth: options.auth, username: options.username, password: options.password, timeoutMs: options.timeoutMs ?? 10_000 });
  const { realms } = await client.logon();
  const realm = options.realmId === undefined ? realms[0] : realms.find((entry) => entry.id === options.realmId);
  if (!realm) {
    throw new Error(`the realm list has no realm ${options.realmId ?? ""} (it lists: ${realms.map((entry) => `${entry.id} ${entry.name}`).join(", ") || "nothing"})`);
  }
  progress(`logged on as ${options.username}; realm ${realm.id} "${realm.name}" is at ${realm.address}`);
  await client.connectWorld(realm);
  progress(`world handshake with the gateway at ${realm.address} done`);
  return { client, realm };
}

/** The account's character of that name, created first when missing. */
async function findOrCreate(client: HeadlessClient, name: string, progress: (line: string) => void): Promise<{ guid: bigint; created: boolean }> {
  const existing = (await client.characters()).find((character) => character.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    progress(`character ${existing.name} exists (guid ${existing.guid})`);
    return { guid: existing.guid, created: false };
  }
  const result = await client.createCharacter({ name });
  if (result !== ResponseCode.CHAR_CREATE_SUCCESS) throw new Error(`creating character ${name} failed with response code 0x${result.toString(16)}`);
  const created = (await client.characters()).find((character) => character.name.toLowerCase() === name.toLowerCase());
  if (!created) throw new Error(`character ${name} was created but is not in the character list`);
  progress(`created character ${created.name} (guid ${created.guid})`);
  return { guid: created.guid, created: true };
}

/** Says `text` and resolves with the text of the character's own SAY the server sends back. */
async function sayAndHear(client: HeadlessClient, guid: bigint, text: string): Promise<string> {
  const echo = client.waitFor(Opcode.SMSG_MESSAGECHAT, (message) => {
    const chat = serverChatMessageCodec.decode(message.payload);
    return chat.type === ChatMsg.SAY && chat.senderGuid === guid;
  });
  client.say(text);
  return serverChatMessageCodec.decode((await echo).payload).message;
}

/** Runs the whole flow; rejects at the first step that does not do what a game client expects. */
export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const progress = options.progress ?? (() => undefined);
  const first = await connect(options, progress);
  let character: { guid: bigint; created: boolean };
  let enteredAt: MapLocation;
  let heard: string;
  let leftAt: MapLocation;
  try {
    character = await findOrCreate(first.client, options.characterName, progress);
    enteredAt = await first.client.enterWorld(character.guid);
    progress(`entered the world at ${formatPosition(enteredAt)}`);
    heard = await sayAndHear(first.client, character.guid, `hello from ${options.characterName}`);
    progress(`said something and heard "${heard}"`);
    const { x, y, z } = enteredAt.position;
    leftAt = await first.client.teleport(x + STEP, y + STEP, z);
    progress(`moved to ${formatPosition(leftAt)}`);
    await first.client.logout();
    progress("logged out");
  } finally {
    first.client.close();
  }
  const second = await connect(options, progress);
  try {
    const listed = (await second.client.characters()).find((entry) => entry.guid === character.guid);
    if (!listed) throw new Error(`character ${character.guid} is missing from the character list after logging on again`);
    const reenteredAt = await second.client.enterWorld(character.guid);
    progress(`entered the world again at ${formatPosition(reenteredAt)}`);
    await second.client.logout();
    return {
      realm: first.realm,
      guid: character.guid,
      created: character.created,
      enteredAt,
      heard,
      leftAt,
      listedAt: { map: listed.map, ...listed.position },
      reenteredAt,
    };
  } finally {
    second.client.close();
  }
}

function formatPosition(location: MapLocation): string {
  const { x, y, z } = location.position;
  return `(${x.toFixed(2)}, ${y.toFixed(2)}, ${z.toFixed(2)}) on map ${location.map}`;
}

/** `name:password` → its two halves (the password may contain colons). */
export function parseAccount(value: string): { username: string; password: string } {
  const separator = value.indexOf(":");
  if (separator <= 0 || separator === value.length - 1) throw new Error(`--account must be name:password, not "${value}"`);
  return { username: value.slice(0, separator), password: value.slice(separator + 1) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      auth: { type: "string", default: "127.0.0.1:3724" },
      account: { type: "string" },
      character: { type: "string", default: "Smoky" },
      realm: { type: "string" },
    },
  });
  if (values.account === undefined) throw new Error("pass --account name:password (create it with the realm's --account option)");
  const separator = values.auth.lastIndexOf(":");
  const auth = { host: values.auth.slice(0, separator), port: Number(values.auth.slice(separator + 1)) };
  if (separator <= 0 || !Number.isInteger(auth.port)) throw new Error(`--auth must be host:port, not "${values.auth}"`);
  await runSmoke({
    auth,
    ...parseAccount(values.account),
    characterName: values.character,
    ...(values.realm === undefined ? {} : { realmId: Number(values.realm) }),
    progress: (line) => console.log(line),
  });
  console.log("smoke test passed");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(`smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
