import { Tc9Error } from "../errors.js";

/** A `.proto` file uses something the contract generator does not support, or names collide. */
export class ContractGenerationError extends Tc9Error {
  constructor(sourceName: string, problem: string, fix: string) {
    super("TC9_ERR_CONTRACT_GENERATE", `${sourceName}: ${problem}. ${fix}`);
  }
}
