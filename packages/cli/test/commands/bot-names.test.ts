// The names `tc9 bots` gives new characters pass AzerothCore's name rules.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ResponseCode } from "@tc9/sdk/wow";
import { checkPlayerName, type PlayerNameRules } from "@tc9/services";
import { randomCharacterName } from "../../src/commands/bots/bot-scenario.js";

/** AzerothCore's defaults with basic Latin required (StrictPlayerNames 1), nothing reserved. */
const RULES: PlayerNameRules = { minPlayerNameLength: 2, strictPlayerNames: 1, realmZone: 1, reservedNames: [], profaneNames: [] };

describe("tc9 bots character names", () => {
  it("are Bot and six letters with no letter three times in a row, accepted by the name rules", () => {
    for (let index = 0; index < 5_000; index += 1) {
      const name = randomCharacterName();
      assert.match(name, /^Bot[a-z]{6}$/);
      assert.doesNotMatch(name.toLowerCase(), /(.)\1\1/, name);
      assert.equal(checkPlayerName(name, RULES), ResponseCode.CHAR_NAME_SUCCESS, name);
    }
  });
});
