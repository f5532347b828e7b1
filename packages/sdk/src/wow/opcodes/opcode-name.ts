import { Opcode, type OpcodeName } from "./opcode-table.js";

/** Names indexed by opcode number; built once from {@link Opcode}, whose numbers are dense from 0. */
const namesByNumber: readonly (OpcodeName | undefined)[] = buildReverseTable();

function buildReverseTable(): (OpcodeName | undefined)[] {
  const names: (OpcodeName | undefined)[] = [];
  for (const name of Object.keys(Opcode) as OpcodeName[]) {
    names[Opcode[name]] = name;
  }
  return names;
}

/** The name of an opcode number, or `undefined` when the 3.3.5a table (plus ToCloud9's) has none. */
export function opcodeName(opcode: number): OpcodeName | undefined {
  return Number.isInteger(opcode) && opcode >= 0 ? namesByNumber[opcode] : undefined;
}

/** Whether `opcode` is a number in the opcode table; narrows it to {@link Opcode}. */
export function isKnownOpcode(opcode: number): opcode is Opcode {
  return opcodeName(opcode) !== undefined;
}

/**
 * A label for logs and error messages: `"CMSG_AUTH_SESSION (0x1ED)"`, or `"unknown opcode 0x9999"`
 * for a number the table does not have.
 */
export function formatOpcode(opcode: number): string {
  const hex = `0x${opcode.toString(16).toUpperCase().padStart(3, "0")}`;
  const name = opcodeName(opcode);
  return name === undefined ? `unknown opcode ${hex}` : `${name} (${hex})`;
}
