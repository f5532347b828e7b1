import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  JsonScanner,
  LOWER_F,
  LOWER_N,
  LOWER_T,
  MAX_DEPTH,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from "./json-scanner.js";

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

/** Parses one strict JSON document (RFC 8259, as Go's decoder accepts it). */
export function parseJson(text: string): JsonNode {
  const scanner = new JsonScanner(text);
  scanner.skipWhitespace();
  const node = readTree(scanner);
  scanner.end();
  return node;
}

const TRUE: JsonNode = { kind: "bool", value: true };
const FALSE: JsonNode = { kind: "bool", value: false };
const NULL: JsonNode = { kind: "null" };

/** An array or object still being read, with the key of the member whose value comes next. */
type OpenContainer =
  | { readonly node: JsonNode & { kind: "array" }; readonly items: JsonNode[] }
  | { readonly node: JsonNode & { kind: "object" }; readonly members: [string, JsonNode][]; key: string };

/**
 * Reads the value at the scanner's position (whitespace already skipped). Iterative, so deep
 * nesting ends in the depth error rather than a stack overflow.
 */
function readTree(scanner: JsonScanner): JsonNode {
  const open: OpenContainer[] = [];
  for (;;) {
    if (scanner.depth > MAX_DEPTH) scanner.fail(`nesting deeper than ${MAX_DEPTH}`);
    let node: JsonNode;
    const c = scanner.text.charCodeAt(scanner.position);
    if (c === OPEN_BRACE) {
      const members: [string, JsonNode][] = [];
      node = { kind: "object", members };
      if (scanner.enter(OPEN_BRACE, CLOSE_BRACE)) {
        open.push({ node, members, key: scanner.memberKey() });
        scanner.skipWhitespace();
        continue;
      }
    } else if (c === OPEN_BRACKET) {
      const items: JsonNode[] = [];
      node = { kind: "array", items };
      if (scanner.enter(OPEN_BRACKET, CLOSE_BRACKET)) {
        open.push({ node, items });
        scanner.skipWhitespace();
        continue;
      }
    } else {
      node = readScalar(scanner, c);
    }
    // The value is complete: add it to its container, closing every container that ends here.
    for (;;) {
      const container = open[open.length - 1];
      if (container === undefined) return node;
      if ("items" in container) {
        container.items.push(node);
        if (scanner.hasMore(CLOSE_BRACKET)) break;
      } else {
        container.members.push([container.key, node]);
        if (scanner.hasMore(CLOSE_BRACE)) {
          container.key = scanner.memberKey();
          break;
        }
      }
      open.pop();
      node = container.node;
    }
    scanner.skipWhitespace();
  }
}

/** Reads the string, literal or number starting with the character `c`. */
function readScalar(scanner: JsonScanner, c: number): JsonNode {
  switch (c) {
    case QUOTE:
      return { kind: "string", value: scanner.string() };
    case LOWER_T:
      scanner.literal("true");
      return TRUE;
    case LOWER_F:
      scanner.literal("false");
      return FALSE;
    case LOWER_N:
      scanner.literal("null");
      return NULL;
    default:
      scanner.number();
      return { kind: "number", text: scanner.numberText() };
  }
}
