import { Tc9Error } from "@tc9/sdk";

/** Stable codes of {@link InitError}. */
export const INIT_ERROR_CODES = {
  /** The target directory has files and `--force` was not given. */
  notEmpty: "TC9_ERR_INIT_NOT_EMPTY",
  /** An answer or flag is not usable (a bad URL, name or count). */
  invalid: "TC9_ERR_INIT_INVALID",
  /** `--tc9-from` lacks one of tc9's tarballs. */
  tarballs: "TC9_ERR_INIT_TARBALLS",
  /** `npm install` failed in the new project. */
  install: "TC9_ERR_INIT_INSTALL",
} as const;

export type InitErrorCode = (typeof INIT_ERROR_CODES)[keyof typeof INIT_ERROR_CODES];

/** `tc9 init` could not scaffold the project; the message names the fix. */
export class InitError extends Tc9Error {
  declare readonly code: InitErrorCode;

  constructor(code: InitErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
