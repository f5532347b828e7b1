/**
 * Character names the way AzerothCore handles them: `normalizePlayerName` (capitalisation),
 * `ObjectMgr::CheckPlayerName` (length, script, repeated letters, reserved and profane names) and
 * its case mapping (`wcharToLower` / `wcharToUpper` in `Util.h`), which covers Latin-1, Latin
 * Extended-A and Cyrillic only.
 */
import { ResponseCode, type ResponseCodeValue } from "@tc9/sdk/wow";

/** `MAX_PLAYER_NAME`: the longest name the client accepts. */
export const MAX_PLAYER_NAME_LENGTH = 12;

/** The realm settings that decide which names are allowed. */
export interface PlayerNameRules {
  /** `MinPlayerName`: the shortest allowed name (AzerothCore default 2). */
  readonly minPlayerNameLength: number;
  /**
   * `StrictPlayerNames`: 0 lets a name be all extended Latin, all Cyrillic or all East Asian;
   * bit 0x1 allows basic Latin; bit 0x2 allows the script of `realmZone`.
   */
  readonly strictPlayerNames: number;
  /** `RealmZone` (AzerothCore default 1, development: any script); used by `StrictPlayerNames` 0x2. */
  readonly realmZone: number;
  /** Names nobody may take, any case (what AzerothCore loads from `reserved_name`). */
  readonly reservedNames: readonly string[];
  /** Names refused as profane, any case (what AzerothCore loads from `profanity_name`). */
  readonly profaneNames: readonly string[];
}

function lowerCodePoint(cp: number): number {
  if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
  if ((cp >= 0xc0 && cp <= 0xd6) || (cp >= 0xd8 && cp <= 0xde)) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x12e && cp % 2 === 0) return cp + 1;
  if (cp === 0x1e9e) return 0xdf;
  if (cp === 0x401) return 0x451;
  if (cp >= 0x410 && cp <= 0x42f) return cp + 0x20;
  return cp;
}

function upperCodePoint(cp: number): number {
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x20;
  if (cp === 0xdf) return 0x1e9e;
  if ((cp >= 0xe0 && cp <= 0xf6) || (cp >= 0xf8 && cp <= 0xfe)) return cp - 0x20;
  if (cp >= 0x101 && cp <= 0x12f && cp % 2 === 1) return cp - 1;
  if (cp >= 0x430 && cp <= 0x44f) return cp - 0x20;
  if (cp === 0x451) return 0x401;
  return cp;
}

function codePointsOf(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) ?? 0);
}

function fromCodePoints(codePoints: readonly number[]): string {
  return codePoints.map((cp) => String.fromCodePoint(cp)).join("");
}

/** Lower-cases a name with AzerothCore's mapping; names compare case-insensitively through it. */
export function toLowerName(name: string): string {
  return fromCodePoints(codePointsOf(name).map(lowerCodePoint));
}

/**
 * AzerothCore's `normalizePlayerName`: the first letter upper-case, the rest lower-case. Undefined
 * for an empty name, a name with a space, or one that is not well-formed Unicode.
 */
export function normalizePlayerName(name: string): string | undefined {
  if (name.length === 0 || name.includes(" ") || /\p{Cs}/u.test(name)) return undefined;
  const codePoints = codePointsOf(name).map(lowerCodePoint);
  codePoints[0] = upperCodePoint(codePoints[0] ?? 0);
  return fromCodePoints(codePoints);
}

const isBasicLatin = (cp: number): boolean => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

const isExtendedLatin = (cp: number): boolean =>
  isBasicLatin(cp) ||
  (cp >= 0xc0 && cp <= 0xd6) ||
  (cp >= 0xd8 && cp <= 0xf6) ||
  (cp >= 0xf8 && cp <= 0xfe) ||
  (cp >= 0x100 && cp <= 0x12f) ||
  cp === 0x1e9e;

const isCyrillic = (cp: number): boolean => (cp >= 0x410 && cp <= 0x44f) || cp === 0x401 || cp === 0x451;

const eastAsianRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x11f9], // Hangul Jamo
  [0x3041, 0x30ff], // Hiragana and Katakana
  [0x3131, 0x318e], // Hangul Compatibility Jamo
  [0x31f0, 0x31ff], // Katakana Phonetic Extensions
  [0x3400, 0x4db5], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fc3], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul Syllables
  [0xff01, 0xffee], // Halfwidth and Fullwidth Forms
];
const isEastAsian = (cp: number): boolean => eastAsianRanges.some(([low, high]) => cp >= low && cp <= high);

type Script = "extended-latin" | "cyrillic" | "east-asian";
const anyScript: readonly Script[] = ["extended-latin", "cyrillic", "east-asian"];
const scriptTests: Readonly<Record<Script, (cp: number) => boolean>> = {
  "extended-latin": isExtendedLatin,
  cyrillic: isCyrillic,
  "east-asian": isEastAsian,
};

/** AzerothCore's `GetRealmLanguageType(create = true)`: the scripts a realm zone allows. */
function scriptsOfRealmZone(realmZone: number): readonly Script[] {
  if ([0, 1, 26, 28].includes(realmZone)) return anyScript;
  if ([2, 3, 4, 8, 9, 10, 11].includes(realmZone)) return ["extended-latin"];
  if ([6, 14, 16].includes(realmZone)) return ["east-asian"];
  if (realmZone === 12) return ["cyrillic"];
  return [];
}

function isInOneScript(codePoints: readonly number[], scripts: readonly Script[]): boolean {
  return scripts.some((script) => codePoints.every(scriptTests[script]));
}

/** AzerothCore's `isValidString(name, StrictPlayerNames, numericOrSpace = false, create = true)`. */
function isAllowedScript(codePoints: readonly number[], rules: PlayerNameRules): boolean {
  if (rules.strictPlayerNames === 0) return isInOneScript(codePoints, anyScript);
  if (rules.strictPlayerNames & 0x2 && isInOneScript(codePoints, scriptsOfRealmZone(rules.realmZone))) return true;
  return (rules.strictPlayerNames & 0x1) !== 0 && codePoints.every(isBasicLatin);
}

function hasThreeInARow(codePoints: readonly number[]): boolean {
  for (let index = 2; index < codePoints.length; index++) {
    const cp = codePoints[index];
    if (cp === codePoints[index - 1] && cp === codePoints[index - 2]) return true;
  }
  return false;
}

/** AzerothCore's `IsReservedName`: listed names, and any name ending in "gm" (kept for game masters). */
function isReserved(lowerName: string, rules: PlayerNameRules): boolean {
  return lowerName.endsWith("gm") || rules.reservedNames.some((reserved) => toLowerName(reserved) === lowerName);
}

/**
 * Checks a normalized name for character creation; `CHAR_NAME_SUCCESS` or the first rule it
 * breaks (`CHAR_NAME_TOO_LONG`, `…_TOO_SHORT`, `…_MIXED_LANGUAGES`, `…_THREE_CONSECUTIVE`,
 * `…_RESERVED`, `…_PROFANE`).
 */
export function checkPlayerName(name: string, rules: PlayerNameRules): ResponseCodeValue {
  const codePoints = codePointsOf(name);
  if (codePoints.length > MAX_PLAYER_NAME_LENGTH) return ResponseCode.CHAR_NAME_TOO_LONG;
  if (codePoints.length < rules.minPlayerNameLength) return ResponseCode.CHAR_NAME_TOO_SHORT;
  if (!isAllowedScript(codePoints, rules)) return ResponseCode.CHAR_NAME_MIXED_LANGUAGES;
  const lowered = codePoints.map(lowerCodePoint);
  if (hasThreeInARow(lowered)) return ResponseCode.CHAR_NAME_THREE_CONSECUTIVE;
  const lowerName = fromCodePoints(lowered);
  if (isReserved(lowerName, rules)) return ResponseCode.CHAR_NAME_RESERVED;
  if (rules.profaneNames.some((profane) => toLowerName(profane) === lowerName)) return ResponseCode.CHAR_NAME_PROFANE;
  return ResponseCode.CHAR_NAME_SUCCESS;
}
