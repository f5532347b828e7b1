import { Tc9Error } from "../../errors.js";

/** Stable codes of {@link HeadlessClientError}. */
export const HEADLESS_CLIENT_ERROR_CODES = {
  /** The world server could not be reached. */
  connectFailed: "TC9_ERR_HEADLESS_CONNECT_FAILED",
  /** SMSG_AUTH_RESPONSE carried a result other than AUTH_OK (see `result`). */
  authRejected: "TC9_ERR_HEADLESS_AUTH_REJECTED",
  /** SMSG_CHARACTER_LOGIN_FAILED answered the login (see `result`). */
  loginFailed: "TC9_ERR_HEADLESS_LOGIN_FAILED",
  /** The expected reply did not arrive in time. */
  timeout: "TC9_ERR_HEADLESS_TIMEOUT",
  /** The server closed the connection while a reply was awaited. */
  connectionClosed: "TC9_ERR_HEADLESS_CONNECTION_CLOSED",
  /** The server sent bytes that are not valid 3.3.5a packets. */
  protocol: "TC9_ERR_HEADLESS_PROTOCOL",
  /** The call needs another state (logged on, connected to a world server, in the world). */
  wrongState: "TC9_ERR_HEADLESS_WRONG_STATE",
} as const;

/** One of the codes in {@link HEADLESS_CLIENT_ERROR_CODES}. */
export type HeadlessClientErrorCode = (typeof HEADLESS_CLIENT_ERROR_CODES)[keyof typeof HEADLESS_CLIENT_ERROR_CODES];

/** A failure of the headless client's world half; `result` is the server's result byte when it sent one. */
export class HeadlessClientError extends Tc9Error {
  declare readonly code: HeadlessClientErrorCode;
  readonly result: number | undefined;

  constructor(code: HeadlessClientErrorCode, message: string, options?: { result?: number; cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.result = options?.result;
  }
}
