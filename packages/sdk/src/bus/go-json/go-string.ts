/**
 * Writes a string as a JSON string literal exactly the way Go's `json.Marshal` does (HTML escaping
 * on, as `json.Marshal` always has it):
 * - `"` and `\` get a backslash; `\b \f \n \r \t` use their short escapes (Go ≥ 1.22);
 * - other control characters below U+0020 become `\u00XX` with lowercase hex;
 * - `<`, `>`, `&` become `\u003c`, `\u003e`, `\u0026`; U+2028 and U+2029 become `\u2028`, `\u2029`;
 * - a lone UTF-16 surrogate (the JavaScript twin of invalid UTF-8) becomes `\ufffd`;
 * - everything else, including all other non-ASCII text, is written as is.
 */
export function quoteGoString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let escape: string | undefined;
    if (code < 0x80) {
      escape = asciiEscape(code);
    } else if (code === 0x2028 || code === 0x2029) {
      escape = `\\u${code.toString(16)}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      escape = "\\ufffd";
    }
    if (escape === undefined) continue;
    out += value.slice(start, i) + escape;
    start = i + 1;
  }
  return `${out}${value.slice(start)}"`;
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

function asciiEscape(code: number): string | undefined {
  const short = SHORT_ESCAPES[code];
  if (short !== undefined) return short;
  if (code < 0x20 || code === 0x3c || code === 0x3e || code === 0x26) {
    return `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return undefined;
}
