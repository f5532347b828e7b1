/** Coded errors of the registry module (`TC9_ERR_REGISTRY_*`). */
import { Tc9Error } from "@tc9/sdk";

/** What went wrong in the registry. */
export type RegistryErrorCode =
  /** A `/healthcheck` or `/metrics` request got no complete answer in time. */
  | "TC9_ERR_REGISTRY_PROBE_TIMEOUT"
  /** A probe's answer was larger than the registry reads. */
  | "TC9_ERR_REGISTRY_PROBE_TOO_LARGE"
  /** A compare-and-set on the registry's KV bucket kept losing to other writers. */
  | "TC9_ERR_REGISTRY_STORE_CONTENDED"
  /** The registry's JetStream KV buckets could not be opened. */
  | "TC9_ERR_REGISTRY_STORE_UNAVAILABLE";

/** A registry failure; the message says what to do about it. */
export class RegistryError extends Tc9Error {
  declare readonly code: RegistryErrorCode;

  constructor(code: RegistryErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/**
 * A probe that timed out. `connected` tells a server that accepted the connection and then did
 * not answer (a stalled world loop) from one that never accepted it (a host that is gone).
 */
export class ProbeTimeoutError extends RegistryError {
  readonly connected: boolean;

  constructor(address: string, path: string, timeoutMs: number, connected: boolean) {
    const what = connected ? "accepted the connection but sent no answer" : "did not accept a connection";
    super(
      "TC9_ERR_REGISTRY_PROBE_TIMEOUT",
      `${address} ${what} for ${path} within ${timeoutMs} ms; check that the server runs and raise the registry's timeoutMs if it is only slow`,
    );
    this.connected = connected;
  }
}
