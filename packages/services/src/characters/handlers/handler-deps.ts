/** What the CharactersService handlers share. */
import type { OnlineCharacters } from "../online-characters.js";
import type { RealmResolver } from "../realm-databases.js";

/** The `api` string of every response: the version ToCloud9's charserver reports (nobody checks it). */
export const CHARACTERS_API = "0.0.1";

/** /who settings of the module. */
export interface WhoSettings {
  /** Lines sent back at most (the client shows 50). */
  readonly maxResults: number;
  /** AzerothCore `AllowTwoSide.WhoList`: list characters of the other faction too. */
  readonly twoSide: boolean;
}

/** The module's state the handlers work with. */
export interface CharactersDeps {
  readonly realms: RealmResolver;
  readonly online: OnlineCharacters;
  readonly who: WhoSettings;
}
