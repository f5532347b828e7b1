import { deflateSync, inflateSync } from "node:zlib";
import { ProtocolError } from "./protocol-error.js";

/** Where the compressed bytes sit, for error messages. */
interface InflateContext {
  readonly opcode: number | undefined;
  /** Offset of the compressed data in the packet payload. */
  readonly offset: number;
}

/**
 * Inflates zlib data that must come out at exactly `declaredSize` bytes. The caller has already
 * checked `declaredSize` against its limit; zlib is told to stop at `declaredSize`, so a lying size
 * field can never make it allocate more. Any zlib failure becomes a {@link ProtocolError}.
 */
export function inflateExactly(compressed: Uint8Array, declaredSize: number, context: InflateContext): Uint8Array {
  let inflated: Uint8Array;
  try {
    // One extra byte of room turns "inflates to more than declared" into a size mismatch below.
    inflated = inflateSync(compressed, { maxOutputLength: declaredSize + 1 });
  } catch (cause) {
    throw new ProtocolError({
      reason: `zlib data (${compressed.length} bytes) is corrupt or inflates past its declared ${declaredSize} bytes`,
      offset: context.offset,
      opcode: context.opcode,
      cause,
    });
  }
  if (inflated.length !== declaredSize) {
    throw new ProtocolError({
      reason: `zlib data inflated to ${inflated.length} bytes but the block declares ${declaredSize}`,
      offset: context.offset,
      opcode: context.opcode,
    });
  }
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
}

/** Compresses `data` into the zlib format (RFC 1950) the 3.3.5a client reads. */
export function deflateBlock(data: Uint8Array, level: number): Uint8Array {
  const deflated = deflateSync(data, { level });
  return new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength);
}
