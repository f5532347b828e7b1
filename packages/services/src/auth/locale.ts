/**
 * AzerothCore's locale numbers (`LocaleConstant`, `localeNames` in Common.cpp), stored in
 * `account.locale` from the country field of the logon challenge.
 */
const LOCALE_NAMES = ["enUS", "koKR", "frFR", "deDE", "zhCN", "zhTW", "esES", "esMX", "ruRU"] as const;

/** `LOCALE_enUS`, also what every unknown name (enGB included) maps to. */
export const DEFAULT_LOCALE_ID = 0;

/** AzerothCore's `GetLocaleByName`: exact, case-sensitive match, else enUS (0). */
export function localeIdFromName(name: string): number {
  const index = LOCALE_NAMES.findIndex((known) => known === name);
  return index < 0 ? DEFAULT_LOCALE_ID : index;
}
