/** The command line of `main.ts`, turned into the embedded realm's options. */
import { parseArgs } from "node:util";
import type { EmbeddedRealmOptions } from "@tc9/services";
import { parseAccount } from "./smoke.js";

/** What `main.ts` was asked to do. */
export interface MainOptions {
  readonly realm: Omit<EmbeddedRealmOptions, "logger">;
  /** The account to create (kept when it exists). */
  readonly account: { readonly username: string; readonly password: string } | undefined;
}

export const USAGE = `usage: main.ts [--account name:password] [--host 127.0.0.1] [--public-host ADDRESS]
               [--auth-port 3724] [--gateway-port 8085] [--mysql-url mysql://root@127.0.0.1:3306]
               [--auth-database tc9_auth] [--characters-database tc9_characters] [--world-database tc9_world]
               [--realm-name tc9] [--simulators 1]`;

function toPort(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port (0 picks a free one), not "${value}"`);
  return port;
}

/** Parses `args`; unset flags keep the embedded realm's defaults. */
export function parseMainOptions(args: readonly string[]): MainOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      account: { type: "string" },
      host: { type: "string" },
      "public-host": { type: "string" },
      "auth-port": { type: "string" },
      "gateway-port": { type: "string" },
      "mysql-url": { type: "string" },
      "auth-database": { type: "string" },
      "characters-database": { type: "string" },
      "world-database": { type: "string" },
      "realm-name": { type: "string" },
      simulators: { type: "string" },
    },
  });
  const entries: Record<string, unknown> = {
    host: values.host,
    publicHost: values["public-host"],
    authPort: toPort("auth-port", values["auth-port"]),
    gatewayPort: toPort("gateway-port", values["gateway-port"]),
    mysqlUrl: values["mysql-url"],
    authDatabase: values["auth-database"],
    charactersDatabase: values["characters-database"],
    worldDatabase: values["world-database"],
    realm: values["realm-name"] === undefined ? undefined : { name: values["realm-name"] },
    simulators: values.simulators === undefined ? undefined : Number(values.simulators),
  };
  const realm = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Omit<EmbeddedRealmOptions, "logger">;
  return { realm, account: values.account === undefined ? undefined : parseAccount(values.account) };
}
