import { Tc9Error } from "../../errors.js";
import { formatOpcode, opcodeName } from "../opcodes/opcode-name.js";

/** The one code every WoW protocol error carries. */
export const PROTOCOL_ERROR_CODE = "TC9_ERR_PROTOCOL";

/**
 * Which side failed: `"decode"` when bytes from the wire are not a valid 3.3.5a packet, `"encode"`
 * when a caller asked to write a value the wire format cannot hold.
 */
export type ProtocolErrorKind = "decode" | "encode";

/** What went wrong and where; the input of {@link ProtocolError}. */
export interface ProtocolErrorDetails {
  /** What is wrong, in a few words, e.g. `"C string has no NUL terminator"`. */
  readonly reason: string;
  /** Byte offset in the packet payload (or the TCP stream, for framing) where the problem starts. */
  readonly offset: number;
  /** The opcode of the packet being read or written, when known. */
  readonly opcode?: number | undefined;
  /** Defaults to `"decode"`. */
  readonly kind?: ProtocolErrorKind;
  /** The underlying error, e.g. from zlib. */
  readonly cause?: unknown;
}

/**
 * Thrown by every WoW decoder and encoder. A decoder never throws anything else for bad bytes, so
 * a connection handler can catch this one class, log it and drop the packet or the connection.
 */
export class ProtocolError extends Tc9Error {
  declare readonly code: typeof PROTOCOL_ERROR_CODE;
  /** What is wrong, without the location. */
  readonly reason: string;
  /** Byte offset where the problem starts. */
  readonly offset: number;
  /** The opcode number, when known. */
  readonly opcode: number | undefined;
  /** The opcode's table name, when the opcode is known and in the table. */
  readonly opcodeName: string | undefined;
  /** Whether reading or writing failed. */
  readonly kind: ProtocolErrorKind;

  constructor(details: ProtocolErrorDetails) {
    const kind = details.kind ?? "decode";
    super(PROTOCOL_ERROR_CODE, describe(details, kind), { cause: details.cause });
    this.reason = details.reason;
    this.offset = details.offset;
    this.opcode = details.opcode;
    this.opcodeName = details.opcode === undefined ? undefined : opcodeName(details.opcode);
    this.kind = kind;
  }
}

function describe(details: ProtocolErrorDetails, kind: ProtocolErrorKind): string {
  const subject = details.opcode === undefined ? "packet" : formatOpcode(details.opcode);
  const fix =
    kind === "decode"
      ? "the peer sent bytes that are not a valid WoW 3.3.5a (build 12340) packet; drop the packet or close the connection"
      : "the value does not fit the 3.3.5a wire format; fix the caller that builds this packet";
  return `${subject}: ${details.reason} at byte offset ${details.offset}; ${fix}`;
}
