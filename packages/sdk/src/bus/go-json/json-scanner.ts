import { BusDecodeError } from "../errors.js";

/** Go's decoder refuses documents nested deeper than this. */
export const MAX_DEPTH = 10_000;

/** Character codes of the JSON grammar. */
export const QUOTE = 0x22;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const LOWER_T = 0x74;
export const LOWER_F = 0x66;
export const LOWER_N = 0x6e;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const BACKSLASH = 0x5c;
const LOWER_E = 0x65;

/** Integers of up to this many digits are below 2^53, so a double holds them exactly. */
const EXACT_INTEGER_DIGITS = 15;

/**
 * A cursor over one JSON text (RFC 8259, as Go's decoder accepts it) with the lexical steps both
 * readers share: `parseJson` builds a {@link JsonNode} tree with it, and the schemas' `scan`
 * methods read their values straight from it. Every failure is a {@link BusDecodeError} naming the
 * offset.
 */
export class JsonScanner {
  /** Offset of the next character to read. */
  position = 0;
  /** How many arrays and objects are open around the position (the nesting level of its value). */
  depth = 0;
  /** Offset of the last number literal read by {@link number}. */
  numberStart = 0;
  /**
   * The value of the last number literal when it is a plain integer (no fraction, no exponent) of
   * at most 15 digits, which a double holds exactly (`-0` stays `-0`); otherwise `NaN`.
   */
  integerValue = Number.NaN;
  /** True when the last number literal has neither fraction nor exponent (it may be long). */
  plainInteger = false;

  constructor(readonly text: string) {}

  /** Skips JSON whitespace (space, tab, line feed, carriage return). */
  skipWhitespace(): void {
    this.next();
  }

  /** Skips whitespace and returns the code of the next character (`NaN` at the end). */
  next(): number {
    const text = this.text;
    let i = this.position;
    let c = text.charCodeAt(i);
    // Every whitespace character is at most a space; most characters are above it.
    while (c <= SPACE && (c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN || c === TAB)) {
      c = text.charCodeAt(++i);
    }
    this.position = i;
    return c;
  }

  /** Throws a {@link BusDecodeError} for invalid JSON at the current position. */
  fail(problem: string): never {
    return this.failAt(this.position, problem);
  }

  /** Throws a {@link BusDecodeError} for invalid JSON at `offset` (which becomes the position). */
  failAt(offset: number, problem: string): never {
    this.position = offset;
    throw new BusDecodeError("", `invalid JSON at offset ${offset}: ${problem}`);
  }

  /** Consumes `code` (which names `char` in the error) or fails. */
  expect(code: number, char: string): void {
    if (this.text.charCodeAt(this.position) !== code) this.fail(`expected '${char}'`);
    this.position++;
  }

  /** Consumes the literal `true`, `false` or `null` or fails. */
  literal(word: string): void {
    if (!this.text.startsWith(word, this.position)) this.fail(`expected ${word}`);
    this.position += word.length;
  }

  /** Fails unless only whitespace is left. */
  end(): void {
    this.skipWhitespace();
    if (this.position < this.text.length) this.fail("unexpected data after the top-level value");
  }

  /**
   * Reads the number literal at the position (the longest prefix that fits the grammar, as a sticky
   * regular expression would match it), setting {@link numberStart} and {@link integerValue}.
   */
  number(): void {
    const text = this.text;
    const start = this.position;
    let i = start;
    let c = text.charCodeAt(i);
    if (c === MINUS) c = text.charCodeAt(++i);
    const digitsStart = i;
    let magnitude = 0;
    if (c === ZERO) {
      c = text.charCodeAt(++i);
    } else if (c > ZERO && c <= NINE) {
      do {
        magnitude = magnitude * 10 + (c - ZERO);
        c = text.charCodeAt(++i);
      } while (c >= ZERO && c <= NINE);
    } else {
      this.fail("unexpected character");
    }
    const integerEnd = i;
    if (c === DOT && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(text.charCodeAt(i))) i++;
      c = text.charCodeAt(i);
    }
    if (c === LOWER_E || c === UPPER_E) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === PLUS || sign === MINUS) j++;
      if (isDigit(text.charCodeAt(j))) {
        i = j + 1;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
    this.numberStart = start;
    this.position = i;
    // The digit loop above is exact while the value stays below 2^53, i.e. for up to 15 digits.
    this.plainInteger = i === integerEnd;
    const exact = this.plainInteger && integerEnd - digitsStart <= EXACT_INTEGER_DIGITS;
    this.integerValue = exact ? (digitsStart === start ? magnitude : -magnitude) : Number.NaN;
  }

  /** The text of the last number literal read by {@link number}. */
  numberText(): string {
    return this.text.slice(this.numberStart, this.position);
  }

  /** Reads the string literal at the position (on its opening quote) and returns its value. */
  string(): string {
    const text = this.text;
    let i = this.position + 1;
    let start = i;
    let out = "";
    let surrogates = false;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        out += text.slice(start, i);
        this.position = i;
        const escaped = this.escape();
        surrogates ||= isSurrogate(escaped);
        out += String.fromCharCode(escaped);
        i = start = this.position;
        continue;
      }
      if (code < SPACE) this.failAt(i, "control character in string");
      if (code !== code) this.failAt(i, "unterminated string");
      if (isSurrogate(code)) {
        // A well-formed pair (all that decoded UTF-8 holds) needs no repair; anything else does.
        if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
        else surrogates = true;
      }
      i++;
    }
    this.position = i + 1;
    out += text.slice(start, i);
    return surrogates ? replaceLoneSurrogates(out) : out;
  }

  /** Reads the string literal at the position (after whitespace) and returns its value. */
  stringValue(): string {
    if (this.text.charCodeAt(this.position) !== QUOTE) this.fail("expected a string");
    return this.string();
  }

  /** Skips whitespace; when `null` follows, consumes it and returns true. */
  skipNull(): boolean {
    if (this.next() !== LOWER_N) return false;
    this.literal("null");
    return true;
  }

  /**
   * Opens the object (`open` is `{`, `close` is `}`) or array (`[`, `]`) that follows, after
   * whitespace. Returns false when it is empty (and then already closed), true when a first member
   * or item follows; read them with {@link memberKey} / {@link hasMore}.
   */
  enter(open: number, close: number): boolean {
    if (this.next() !== open) this.fail(open === OPEN_BRACE ? "expected an object" : "expected an array");
    this.position++;
    this.depth++;
    if (this.next() !== close) return true;
    this.position++;
    this.depth--;
    return false;
  }

  /** After a member or item: true at a comma (consumed), false at `close` (consumed, container left). */
  hasMore(close: number): boolean {
    if (this.next() === close) {
      this.position++;
      this.depth--;
      return false;
    }
    this.expect(COMMA, ",");
    return true;
  }

  /**
   * When the next member (after whitespace) starts exactly with the character codes `keyAndColon`
   * (see {@link memberStartCodes}), consumes them and returns true; otherwise consumes nothing.
   */
  memberKeyIs(keyAndColon: readonly number[]): boolean {
    this.skipWhitespace();
    const text = this.text;
    const start = this.position;
    // Codes in an array, not a string: a built string may be a rope that is slow to index.
    for (let k = 0; k < keyAndColon.length; k++) {
      if (text.charCodeAt(start + k) !== keyAndColon[k]) return false;
    }
    this.position = start + keyAndColon.length;
    return true;
  }

  /** Reads the next member's key and its colon. */
  memberKey(): string {
    if (this.next() !== QUOTE) this.fail("expected a string key");
    const key = this.string();
    this.skipWhitespace();
    this.expect(COLON, ":");
    return key;
  }

  /**
   * Validates and passes over the JSON value that follows (after whitespace). Iterative, so deep
   * nesting ends in the depth error rather than a stack overflow.
   */
  skipValue(): void {
    const closers: number[] = [];
    for (;;) {
      if (this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
      const c = this.next();
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (this.enter(c, close)) {
          closers.push(close);
          if (close === CLOSE_BRACE) this.skipMemberKey();
          continue;
        }
      } else {
        this.skipScalar(c);
      }
      // The value is done: leave every container that ends here, then go on with the next item.
      for (;;) {
        const close = closers[closers.length - 1];
        if (close === undefined) return;
        if (this.hasMore(close)) {
          if (close === CLOSE_BRACE) this.skipMemberKey();
          break;
        }
        closers.pop();
      }
    }
  }

  /** Passes over the string, literal or number starting with the character `c`. */
  private skipScalar(c: number): void {
    switch (c) {
      case QUOTE:
        return this.skipString();
      case LOWER_T:
        return this.literal("true");
      case LOWER_F:
        return this.literal("false");
      case LOWER_N:
        return this.literal("null");
      default:
        return this.number();
    }
  }

  /** Passes over a member's key and its colon. */
  private skipMemberKey(): void {
    if (this.next() !== QUOTE) this.fail("expected a string key");
    this.skipString();
    this.skipWhitespace();
    this.expect(COLON, ":");
  }

  /** Validates and passes over a string literal without building its value. */
  private skipString(): void {
    const text = this.text;
    let i = this.position + 1;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        this.position = i;
        this.escape();
        i = this.position;
        continue;
      }
      if (code < SPACE) this.failAt(i, "control character in string");
      if (code !== code) this.failAt(i, "unterminated string");
      i++;
    }
    this.position = i + 1;
  }

  /** Reads one escape sequence (the backslash included) and returns the UTF-16 code it stands for. */
  private escape(): number {
    const c = this.text.charCodeAt(this.position + 1);
    this.position += 2;
    switch (c) {
      case QUOTE:
      case BACKSLASH:
      case SLASH:
        return c;
      case 0x62 /* b */:
        return 0x08;
      case LOWER_F:
        return 0x0c;
      case LOWER_N:
        return 0x0a;
      case 0x72 /* r */:
        return 0x0d;
      case LOWER_T:
        return 0x09;
      case 0x75 /* u */: {
        let value = 0;
        for (let i = 0; i < 4; i++) {
          const digit = hexDigit(this.text.charCodeAt(this.position + i));
          if (digit < 0) this.fail("invalid \\u escape");
          value = value * 16 + digit;
        }
        this.position += 4;
        return value;
      }
      default:
        return this.fail("invalid escape");
    }
  }
}

/**
 * The character codes of `"key":` (how Go starts a member) for {@link JsonScanner.memberKeyIs}, or
 * `undefined` when the key needs escapes in JSON, so that no other raw text could mean the same key.
 */
export function memberStartCodes(key: string): readonly number[] | undefined {
  if (!ESCAPE_FREE_KEY.test(key)) return undefined;
  const text = `"${key}":`;
  return Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));
}

const ESCAPE_FREE_KEY = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** The value of a hexadecimal digit's character code, or -1. */
function hexDigit(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Go decodes an unpaired surrogate escape (or invalid UTF-8) as U+FFFD. */
function replaceLoneSurrogates(value: string): string {
  return value.replace(LONE_SURROGATE, "\ufffd");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
