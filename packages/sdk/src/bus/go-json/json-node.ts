import { BusDecodeError } from "../errors.js";

/**
 * A parsed JSON value. Numbers keep their literal text so that 64-bit integers above 2^53 (and
 * float32 values) can be converted exactly by the schema that reads them; object members keep
 * their order and duplicates (Go lets the last one win).
 */
export type JsonNode =
  | { readonly kind: "null" }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "array"; readonly items: readonly JsonNode[] }
  | { readonly kind: "object"; readonly members: readonly (readonly [string, JsonNode])[] };

/** Go's decoder refuses documents nested deeper than this. */
const MAX_DEPTH = 10_000;

/** Parses one strict JSON document (RFC 8259, as Go's decoder accepts it). */
export function parseJson(text: string): JsonNode {
  const parser = new JsonParser(text);
  parser.skipWhitespace();
  const node = parser.value(0);
  parser.skipWhitespace();
  if (parser.position < text.length) parser.fail("unexpected data after the top-level value");
  return node;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const TRUE: JsonNode = { kind: "bool", value: true };
const FALSE: JsonNode = { kind: "bool", value: false };
const NULL: JsonNode = { kind: "null" };

class JsonParser {
  position = 0;

  constructor(private readonly text: string) {}

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
    switch (this.text.charCodeAt(this.position)) {
      case OPEN_BRACE:
        return this.object(depth);
      case OPEN_BRACKET:
        return this.array(depth);
      case QUOTE:
        return { kind: "string", value: this.string() };
      case 0x74 /* t */:
        this.literal("true");
        return TRUE;
      case 0x66 /* f */:
        this.literal("false");
        return FALSE;
      case 0x6e /* n */:
        this.literal("null");
        return NULL;
      default:
        return this.number();
    }
  }

  skipWhitespace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.position);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.position++;
    }
  }

  fail(problem: string): never {
    throw new BusDecodeError("", `invalid JSON at offset ${this.position}: ${problem}`);
  }

  private object(depth: number): JsonNode {
    this.position++;
    const members: (readonly [string, JsonNode])[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === CLOSE_BRACE) {
      this.position++;
      return { kind: "object", members };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== QUOTE) this.fail("expected a string key");
      const key = this.string();
      this.skipWhitespace();
      this.expect(COLON, ":");
      this.skipWhitespace();
      members.push([key, this.value(depth + 1)]);
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) === CLOSE_BRACE) {
        this.position++;
        return { kind: "object", members };
      }
      this.expect(COMMA, ",");
    }
  }

  private array(depth: number): JsonNode {
    this.position++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === CLOSE_BRACKET) {
      this.position++;
      return { kind: "array", items };
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) === CLOSE_BRACKET) {
        this.position++;
        return { kind: "array", items };
      }
      this.expect(COMMA, ",");
    }
  }

  private string(): string {
    this.position++;
    let out = "";
    let start = this.position;
    let surrogates = false;
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (Number.isNaN(code)) this.fail("unterminated string");
      if (code === 0x22) break;
      if (code < 0x20) this.fail("control character in string");
      if (code === 0x5c) {
        out += this.text.slice(start, this.position);
        const escaped = this.escape();
        surrogates ||= isSurrogate(escaped.charCodeAt(0));
        out += escaped;
        start = this.position;
        continue;
      }
      surrogates ||= isSurrogate(code);
      this.position++;
    }
    out += this.text.slice(start, this.position);
    this.position++;
    return surrogates ? replaceLoneSurrogates(out) : out;
  }

  /** Reads one escape sequence (the backslash included) and returns the text it stands for. */
  private escape(): string {
    const c = this.text[this.position + 1];
    this.position += 2;
    switch (c) {
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "/":
        return "/";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "u": {
        const hex = this.text.slice(this.position, this.position + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape");
        this.position += 4;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      default:
        return this.fail("invalid escape");
    }
  }

  private number(): JsonNode {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail("unexpected character");
    this.position += match[0].length;
    return { kind: "number", text: match[0] };
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.position)) this.fail(`expected ${word}`);
    this.position += word.length;
  }

  private expect(code: number, char: string): void {
    if (this.text.charCodeAt(this.position) !== code) this.fail(`expected '${char}'`);
    this.position++;
  }
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Go decodes an unpaired surrogate escape (or invalid UTF-8) as U+FFFD. */
function replaceLoneSurrogates(value: string): string {
  return value.replace(LONE_SURROGATE, "\ufffd");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
