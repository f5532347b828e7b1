import { Tc9Error } from "@tc9/sdk";

/** Stable codes of {@link GatewayError}. */
export const GATEWAY_ERROR_CODES = {
  /** The game port or the health port could not be bound. */
  listen: "TC9_ERR_GATEWAY_LISTEN",
  /** The servers registry refused or could not take the registration. */
  register: "TC9_ERR_GATEWAY_REGISTER",
  /** The gateway's realm is not one of the topology's realms. */
  realm: "TC9_ERR_GATEWAY_REALM",
  /** The guid module answered a request for character GUIDs with none. */
  guids: "TC9_ERR_GATEWAY_GUIDS",
} as const;

/** One of the codes in {@link GATEWAY_ERROR_CODES}. */
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[keyof typeof GATEWAY_ERROR_CODES];

/** The gateway could not start or could not get what it needs; the message names the fix. */
export class GatewayError extends Tc9Error {
  declare readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** A listener could not bind its address. */
export function listenError(what: string, host: string, port: number, cause: unknown): GatewayError {
  return new GatewayError(
    GATEWAY_ERROR_CODES.listen,
    `the gateway cannot listen for ${what} on ${host}:${port} (${cause instanceof Error ? cause.message : String(cause)}); ` +
      `stop whatever holds the port or change the gateway's ${what === "game clients" ? "host/port" : "health.host/health.port"} options`,
    { cause },
  );
}
