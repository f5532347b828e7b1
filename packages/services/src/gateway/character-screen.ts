import type { Client } from "@tc9/sdk";
import type { CharactersService } from "@tc9/sdk/contracts";
import {
  ACCOUNT_DATA_TYPE_COUNT,
  AccountDataMask,
  accountDataTimesCodec,
  charCreateRequestCodec,
  charCreateResultCodec,
  charDeleteRequestCodec,
  charDeleteResultCodec,
  charEnumCodec,
  charEnumRequestCodec,
  Opcode,
  pingCodec,
  pongCodec,
  readyForAccountDataTimesCodec,
  realmSplitCodec,
  realmSplitRequestCodec,
  RealmSplitState,
  ResponseCode,
} from "@tc9/sdk/wow";
import type { Logger } from "pino";
import { toCharacterEnumEntry } from "../characters/index.js";
import type { CharacterEditor } from "./character-editor.js";

/** Who is at the character screen and how to answer. */
export interface CharacterScreenContext {
  readonly realmId: number;
  readonly accountId: number;
  readonly accountSecurity: number;
  readonly characters: Client<typeof CharactersService>;
  readonly editor: CharacterEditor;
  readonly rpcTimeoutMs: number;
  readonly logger: Logger;
  send(opcode: number, payload: Uint8Array): void;
}

type ScreenHandler = (context: CharacterScreenContext, payload: Uint8Array) => void | Promise<void>;

const API = "tc9";

/** CMSG_CHAR_ENUM: the account's characters from the characters service, as AzerothCore lists them. */
async function listCharacters(context: CharacterScreenContext, payload: Uint8Array): Promise<void> {
  charEnumRequestCodec.decode(payload);
  const { characters } = await context.characters.charactersToLoginForAccount(
    { api: API, realmID: context.realmId, accountID: context.accountId },
    { timeoutMs: context.rpcTimeoutMs },
  );
  context.send(Opcode.SMSG_CHAR_ENUM, charEnumCodec.encode({ characters: characters.map((character) => toCharacterEnumEntry(character)) }));
}

/** CMSG_CHAR_CREATE through the editor; a failure to run it answers CHAR_CREATE_FAILED, as ToCloud9 does. */
async function createCharacter(context: CharacterScreenContext, payload: Uint8Array): Promise<void> {
  const character = charCreateRequestCodec.decode(payload);
  let result: number = ResponseCode.CHAR_CREATE_FAILED;
  try {
    result = await context.editor.create({ accountId: context.accountId, accountSecurity: context.accountSecurity, character });
  } catch (error) {
    context.logger.error({ account: context.accountId, err: error }, "character creation failed");
  }
  context.send(Opcode.SMSG_CHAR_CREATE, charCreateResultCodec.encode({ result }));
}

/** CMSG_CHAR_DELETE through the editor; a failure to run it answers CHAR_DELETE_FAILED, as ToCloud9 does. */
async function deleteCharacter(context: CharacterScreenContext, payload: Uint8Array): Promise<void> {
  const { guid } = charDeleteRequestCodec.decode(payload);
  let result: number = ResponseCode.CHAR_DELETE_FAILED;
  try {
    result = await context.editor.delete({ accountId: context.accountId, guid });
  } catch (error) {
    context.logger.error({ account: context.accountId, guid, err: error }, "character deletion failed");
  }
  context.send(Opcode.SMSG_CHAR_DELETE, charDeleteResultCodec.encode({ result }));
}

/** CMSG_REALM_SPLIT: the value echoed, state normal, "01/01/01" (AzerothCore and ToCloud9). */
function realmSplit(context: CharacterScreenContext, payload: Uint8Array): void {
  const { realmId } = realmSplitRequestCodec.decode(payload);
  context.send(Opcode.SMSG_REALM_SPLIT, realmSplitCodec.encode({ realmId, state: RealmSplitState.NORMAL, splitDate: "01/01/01" }));
}

/** CMSG_READY_FOR_ACCOUNT_DATA_TIMES: the account-wide data times (mask 0x15) from the characters service. */
async function accountDataTimes(context: CharacterScreenContext, payload: Uint8Array): Promise<void> {
  readyForAccountDataTimesCodec.decode(payload);
  const { accountData } = await context.characters.accountDataForAccount(
    { api: API, realmID: context.realmId, accountID: context.accountId },
    { timeoutMs: context.rpcTimeoutMs },
  );
  const mask = AccountDataMask.GLOBAL;
  const times: number[] = [];
  for (let type = 0; type < ACCOUNT_DATA_TYPE_COUNT; type++) {
    if ((mask & (1 << type)) === 0) continue;
    const stored = accountData.find((data) => data.type === type);
    times.push(stored ? Number(stored.time) : 0);
  }
  context.send(
    Opcode.SMSG_ACCOUNT_DATA_TIMES,
    accountDataTimesCodec.encode({ serverTime: Math.floor(Date.now() / 1000), mask, times }),
  );
}

/** CMSG_PING without a worldserver: the gateway answers SMSG_PONG itself (ToCloud9). */
function pong(context: CharacterScreenContext, payload: Uint8Array): void {
  const { sequence } = pingCodec.decode(payload);
  context.send(Opcode.SMSG_PONG, pongCodec.encode({ sequence }));
}

/** The character-screen opcodes the gateway answers itself, with their handlers. */
export const characterScreenHandlers: ReadonlyMap<number, ScreenHandler> = new Map<number, ScreenHandler>([
  [Opcode.CMSG_CHAR_ENUM, listCharacters],
  [Opcode.CMSG_CHAR_CREATE, createCharacter],
  [Opcode.CMSG_CHAR_DELETE, deleteCharacter],
  [Opcode.CMSG_REALM_SPLIT, realmSplit],
  [Opcode.CMSG_READY_FOR_ACCOUNT_DATA_TIMES, accountDataTimes],
  [Opcode.CMSG_PING, pong],
]);
