import { Tc9Error } from "../errors.js";

/** Error codes of the bus area. */
export const BusErrorCode = {
  /** A value does not fit the Go type it is encoded as (range, integer-ness, NaN …). */
  Encode: "TC9_ERR_BUS_ENCODE",
  /** A message body is not valid JSON or does not fit the event's Go payload type. */
  Decode: "TC9_ERR_BUS_DECODE",
  /** An event, schema or subject was defined or used in a way the bus cannot honour. */
  Definition: "TC9_ERR_BUS_DEFINITION",
  /** The bus was used after `close()`. */
  Closed: "TC9_ERR_BUS_CLOSED",
  /** A core (non-durable) publish was attempted before the first connection to NATS. */
  NotConnected: "TC9_ERR_BUS_NOT_CONNECTED",
} as const;

/** Thrown when a payload value cannot be written as the Go type its schema names. */
export class BusEncodeError extends Tc9Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(
      BusErrorCode.Encode,
      `cannot encode ${path || "payload"}: ${problem}; pass a value that fits the Go field type`,
    );
  }

  /** The same error seen from the enclosing value (`segment` is a field name or an index). */
  within(segment: string | number): BusEncodeError {
    return new BusEncodeError(joinPath(segment, this.path), this.problem);
  }
}

/** Thrown (and reported to the observer) when a message cannot be read as its event's payload. */
export class BusDecodeError extends Tc9Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(
      BusErrorCode.Decode,
      `cannot decode ${path || "message"}: ${problem}; check that the producer sends the ToCloud9 JSON form of this event`,
    );
  }

  /** The same error seen from the enclosing value (`segment` is a field name or an index). */
  within(segment: string | number): BusDecodeError {
    return new BusDecodeError(joinPath(segment, this.path), this.problem);
  }
}

/** Prefixes a value path (`Items[1].Level`) with the segment that contains it. */
function joinPath(segment: string | number, path: string): string {
  const head = typeof segment === "number" ? `[${segment}]` : segment;
  if (path === "") return head;
  return path.startsWith("[") ? `${head}${path}` : `${head}.${path}`;
}

/** Thrown when an event, schema, subject template or subscription option is invalid. */
export class BusDefinitionError extends Tc9Error {
  constructor(message: string) {
    super(BusErrorCode.Definition, message);
  }
}

/** Thrown by every bus operation after `close()`. */
export class BusClosedError extends Tc9Error {
  constructor(operation: string) {
    super(BusErrorCode.Closed, `cannot ${operation}: the bus is closed; create a new bus instead`);
  }
}

/** Thrown by a core publish on a NATS bus that has not reached any server yet. */
export class BusNotConnectedError extends Tc9Error {
  constructor(servers: readonly string[]) {
    super(
      BusErrorCode.NotConnected,
      `cannot publish: NATS at ${servers.join(", ")} has not been reached yet; start nats-server or wait until bus.ready() is true`,
    );
  }
}
