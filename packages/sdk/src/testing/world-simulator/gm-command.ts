/*
 * The GM commands the simulator understands, written as AzerothCore expects them in chat: a
 * leading `.` or `!`, then the command. Only `.go xyz` is simulated.
 */

/** `.go xyz X Y [Z [MAP [O]]]` (AzerothCore `HandleGoXYZCommand`): the numbers in the text, in order. */
export interface GoXyzCommand {
  readonly kind: "go-xyz";
  readonly x: number;
  readonly y: number;
  /** Absent: stay at the current height (AzerothCore would use the ground height, which needs map data). */
  readonly z?: number;
  /** Absent: the current map. */
  readonly map?: number;
  /** Absent: keep the current orientation. */
  readonly orientation?: number;
}

/** A command the simulator refuses, with the system message to answer. */
export interface RefusedCommand {
  readonly kind: "refused";
  readonly reply: string;
}

export type GmCommand = GoXyzCommand | RefusedCommand;

/** Half the width of a map in yards less half a yard (`MAP_HALFSIZE - 0.5`): the coordinate limit. */
const MAX_COORDINATE = 17066.666 - 0.5;

/** True for coordinates AzerothCore's `IsValidMapCoord` accepts. */
export function isValidCoordinate(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

function parseGoXyz(args: string): GmCommand {
  const numbers = [...args.matchAll(/-?\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
  const [x, y, z, map, orientation] = numbers;
  if (x === undefined || y === undefined) {
    return { kind: "refused", reply: "Syntax: .go xyz #x #y [#z [#mapid [#orientation]]]" };
  }
  if (!isValidCoordinate(x) || !isValidCoordinate(y) || (z !== undefined && !Number.isFinite(z))) {
    return { kind: "refused", reply: `Target map or coordinates is invalid (X: ${x} Y: ${y} MapId: ${map ?? "current"})` };
  }
  if (map !== undefined && !(Number.isInteger(map) && map >= 0 && map <= 0xffff)) {
    return { kind: "refused", reply: `Target map or coordinates is invalid (X: ${x} Y: ${y} MapId: ${map})` };
  }
  return {
    kind: "go-xyz",
    x,
    y,
    ...(z !== undefined && { z }),
    ...(map !== undefined && { map }),
    ...(orientation !== undefined && { orientation }),
  };
}

/** The command in a chat text, or undefined when the text is ordinary chat (no `.` or `!` prefix). */
export function parseGmCommand(text: string): GmCommand | undefined {
  const match = /^[.!](\S*)\s*(\S*)\s*(.*)$/s.exec(text.trim());
  if (!match || match[1] === "" || match[1] === undefined) return undefined;
  const [, command = "", sub = "", rest = ""] = match;
  if (command.toLowerCase() === "go" && sub.toLowerCase() === "xyz") return parseGoXyz(rest);
  return { kind: "refused", reply: "There is no such command." };
}
