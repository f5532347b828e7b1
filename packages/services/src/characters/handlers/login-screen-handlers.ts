/** The character screen's RPCs: the account's characters, one character to log in, account data. */
import { RpcError, RpcStatus } from "@tc9/sdk";
import type { CharactersHandlers } from "@tc9/sdk/contracts";
import { ACCOUNT_DATA_TYPES, accountDataOfAccount, storeAccountData } from "../account-data.js";
import { logInCharacterByGuid, logInCharactersOfAccount } from "../login-characters.js";
import { CHARACTERS_API, type CharactersDeps } from "./handler-deps.js";

type LoginScreenHandlers = Pick<
  CharactersHandlers,
  "charactersToLoginForAccount" | "charactersToLoginByGUID" | "accountDataForAccount" | "updateAccountDataForAccount"
>;

/** `time` is stored in an INT UNSIGNED column. */
const maxStoredTime = 0xffff_ffffn;

export function loginScreenHandlers({ realms }: CharactersDeps): LoginScreenHandlers {
  return {
    async charactersToLoginForAccount({ realmID, accountID }) {
      const realm = realms(realmID);
      return { api: CHARACTERS_API, characters: await logInCharactersOfAccount(realm.characters, realm.items, accountID) };
    },
    async charactersToLoginByGUID({ realmID, accountID, characterGUID }) {
      const realm = realms(realmID);
      const character = await logInCharacterByGuid(realm.characters, realm.items, accountID, characterGUID);
      return { api: CHARACTERS_API, character };
    },
    async accountDataForAccount({ realmID, accountID }) {
      return { api: CHARACTERS_API, accountData: await accountDataOfAccount(realms(realmID).characters, accountID) };
    },
    async updateAccountDataForAccount({ realmID, accountID, type, time, data }) {
      if (type >= ACCOUNT_DATA_TYPES) {
        throw new RpcError(RpcStatus.INVALID_ARGUMENT, `account data type ${type} does not exist; the client has types 0..${ACCOUNT_DATA_TYPES - 1}`);
      }
      if (time < 0n || time > maxStoredTime) {
        throw new RpcError(RpcStatus.INVALID_ARGUMENT, `account data time ${time} is not a unix time in seconds that fits 32 bits`);
      }
      await storeAccountData(realms(realmID).characters, accountID, { type, time: Number(time), data });
      return { api: CHARACTERS_API };
    },
  };
}
