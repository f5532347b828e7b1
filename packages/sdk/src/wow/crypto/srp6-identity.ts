const LOWERCASE_BASIC_LATIN = /[a-z]+/g;
const UTF8 = new TextEncoder();

/**
 * Upper-cases the basic Latin letters `a`–`z` and leaves every other character alone, exactly
 * like AzerothCore's `Utf8ToUpperOnlyLatin`, which AccountMgr applies to the account name and the
 * password before computing the SRP6 verifier. `"ádmin"` becomes `"áDMIN"`, not `"ÁDMIN"`.
 */
export function toUpperLatinOnly(text: string): string {
  return text.replace(LOWERCASE_BASIC_LATIN, (letters) => letters.toUpperCase());
}

/** Encodes text as UTF-8 bytes, the form in which names and passwords enter every hash. */
export function utf8Bytes(text: string): Uint8Array {
  return UTF8.encode(text);
}

/**
 * Counts Unicode code points, the unit of AzerothCore's `utf8length` (used for the name and
 * password length limits).
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
