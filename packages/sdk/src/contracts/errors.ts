import { Tc9Error } from "../errors.js";

/** The bytes given to a contract message's `decode` are not a valid encoding of that message. */
export class ContractDecodeError extends Tc9Error {
  /** The protobuf type that failed to decode, e.g. `v1.GetGroupRequest`. */
  readonly typeName: string;

  constructor(typeName: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      "TC9_ERR_CONTRACT_DECODE",
      `Cannot decode ${typeName}: ${reason}. The payload is truncated or is not a ${typeName}; ` +
        "check that sender and receiver use the same v1 contract (.proto) and method.",
      { cause },
    );
    this.typeName = typeName;
  }
}
