import { InvalidArgumentError } from "@commander-js/extra-typings";

/**
 * Parsers for option and argument values. Each throws commander's `InvalidArgumentError`, so a bad
 * value is a usage error (exit 2) that names the expected form.
 */

/** Returns a parser of a whole number in `[min, max]`. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return number;
  };
}

/**
 * Parses a GM level: 0 player, 1 moderator, 2 game master, 3 administrator (AzerothCore's
 * `SEC_PLAYER`..`SEC_ADMINISTRATOR`; `SEC_CONSOLE` is not given to accounts).
 */
export function parseGmLevel(value: string): number {
  try {
    return integerIn(0, 3)(value);
  } catch {
    throw new InvalidArgumentError("expected a GM level: 0 player, 1 moderator, 2 game master or 3 administrator.");
  }
}

/** Parses a realm id for `account_access`: a realm's id (1 or more), or -1 for every realm. */
export function parseRealmId(value: string): number {
  const realm = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (realm !== -1 && !(Number.isInteger(realm) && realm >= 1 && realm <= 0x7fff_ffff)) {
    throw new InvalidArgumentError("expected a realm id (1 or more) or -1 for every realm.");
  }
  return realm;
}

const secondsPerUnit: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Parses a duration such as `30m`, `2h`, `7d` or `1d12h` (units s, m, h, d, w) into seconds.
 */
export function parseDuration(value: string): number {
  const text = value.trim().toLowerCase();
  const parts = [...text.matchAll(/(\d+)([smhdw])/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== text) {
    throw new InvalidArgumentError("expected a duration such as 30m, 2h, 7d or 1d12h (units s, m, h, d, w).");
  }
  const seconds = parts.reduce((total, [, amount, unit]) => total + Number(amount) * (secondsPerUnit[unit ?? ""] ?? 0), 0);
  if (seconds <= 0 || !Number.isSafeInteger(seconds)) {
    throw new InvalidArgumentError("expected a duration longer than zero, such as 2h.");
  }
  return seconds;
}

/** Parses a comma-separated list of TCP ports (`3724,8085`), each 1..65535, duplicates dropped. */
export function parsePortList(value: string): number[] {
  const port = integerIn(1, 65_535);
  const ports = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (ports.length === 0) throw new InvalidArgumentError("expected ports separated by commas, e.g. 3724,8085.");
  return [...new Set(ports.map((item) => port(item)))];
}

/** A host and a TCP port. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** Parses `host:port` (`[::1]:8086` for an IPv6 address). */
export function parseHostPort(value: string): HostPort {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(value.trim());
  const port = match === null ? Number.NaN : Number(match[3]);
  const host = match?.[1] ?? match?.[2];
  if (host === undefined || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError("expected host:port, e.g. 127.0.0.1:8086 or [::1]:8086.");
  }
  return { host, port };
}

/** For repeatable options: adds one parsed value to the values collected so far. */
export function collect<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [...(previous ?? []), parse(value)];
}
