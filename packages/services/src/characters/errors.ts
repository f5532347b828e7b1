/** Coded errors of the characters module (`TC9_ERR_CHARACTERS_*`). */
import { Tc9Error } from "@tc9/sdk";

/** A characters operation could not run as asked; the message says what to fix. */
export class CharactersError extends Tc9Error {
  constructor(code: `TC9_ERR_CHARACTERS_${string}`, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
