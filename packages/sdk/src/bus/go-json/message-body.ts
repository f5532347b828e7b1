import { rethrowWithin, type GoType } from "./go-type.js";
import { parseJson, type JsonNode } from "./json-node.js";
import { CLOSE_BRACE, JsonScanner, OPEN_BRACE, memberStartCodes } from "./json-scanner.js";

/**
 * Reads a message body the way ToCloud9's consumers do: with `envelope`, the `p` of the
 * `{"v","t","p"}` envelope when the body's last `p` key holds an object (`v` and `t` are not
 * checked), otherwise the whole body. Throws {@link BusDecodeError}.
 *
 * Runs the schema's fast `scan` first; when that throws for any reason, the reference reader
 * {@link readMessageBody} decides the outcome (a value or its exact error), so results never
 * depend on which path ran.
 */
export function decodeMessageBody<P>(payload: GoType<P>, text: string, envelope: boolean): P {
  try {
    return scanMessageBody(payload, text, envelope);
  } catch {
    return readMessageBody(payload, text, envelope);
  }
}

/** The reference reader behind {@link decodeMessageBody}: parses a node tree, then reads it. */
export function readMessageBody<P>(payload: GoType<P>, text: string, envelope: boolean): P {
  const root = parseJson(text);
  const inner = envelope ? envelopePayload(root) : undefined;
  if (inner === undefined) return payload.read(root);
  try {
    return payload.read(inner);
  } catch (error) {
    return rethrowWithin(error, "p");
  }
}

/**
 * The fast reader behind {@link decodeMessageBody}: the schema scans the text directly. Equal to
 * {@link readMessageBody} whenever it returns; it may throw where that one returns (a later `p`
 * replaces a broken one) or throw another error, which is why it is not used on its own.
 */
export function scanMessageBody<P>(payload: GoType<P>, text: string, envelope: boolean): P {
  const inner = envelope ? scanEnvelopePayload(payload, new JsonScanner(text)) : NOT_AN_ENVELOPE;
  if (inner !== NOT_AN_ENVELOPE) return inner;
  const scanner = new JsonScanner(text);
  const value = payload.scan(scanner);
  scanner.end();
  return value;
}

const NOT_AN_ENVELOPE = Symbol("not an envelope");
const P_MEMBER_START = memberStartCodes("p") ?? [];

/**
 * Scans the whole body as an envelope and returns its payload read from the last `p` key, or
 * {@link NOT_AN_ENVELOPE} when the body is no object or its last `p` holds no object.
 */
function scanEnvelopePayload<P>(payload: GoType<P>, scanner: JsonScanner): P | typeof NOT_AN_ENVELOPE {
  if (scanner.next() !== OPEN_BRACE) return NOT_AN_ENVELOPE;
  let inner: P | typeof NOT_AN_ENVELOPE = NOT_AN_ENVELOPE;
  if (scanner.enter(OPEN_BRACE, CLOSE_BRACE)) {
    do {
      const isP = scanner.memberKeyIs(P_MEMBER_START) || scanner.memberKey() === "p";
      if (isP && scanner.next() === OPEN_BRACE) {
        inner = payload.scan(scanner);
      } else {
        if (isP) inner = NOT_AN_ENVELOPE;
        scanner.skipValue();
      }
    } while (scanner.hasMore(CLOSE_BRACE));
  }
  scanner.end();
  return inner;
}

function envelopePayload(root: JsonNode): JsonNode | undefined {
  if (root.kind !== "object") return undefined;
  const p = root.members.findLast(([key]) => key === "p")?.[1];
  return p?.kind === "object" ? p : undefined;
}
