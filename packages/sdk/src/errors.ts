/**
 * The root of tc9's error catalogue. Every error tc9 throws on purpose is a `Tc9Error` with a
 * stable `code` (`TC9_ERR_*`) and a message that names the fix. Each area (topology, bus,
 * storage, rpc, protocol) defines its own subclass and codes next to its code; this module holds
 * the base class only, so that `err instanceof Tc9Error` and `err.code` work everywhere.
 */
export class Tc9Error extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export function isTc9Error(value: unknown): value is Tc9Error {
  return value instanceof Tc9Error;
}
