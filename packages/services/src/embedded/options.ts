import type { Logger } from "pino";
import { z } from "zod";

/** A MariaDB database name tc9 can quote safely: letters, digits and underscores. */
const databaseName = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,64}$/, "use 1 to 64 letters, digits or underscores, e.g. tc9_auth");
const port = z.number().int().min(0).max(65535);

/** Settings of {@link startEmbeddedRealm}; every field has a default. */
export const embeddedRealmSettingsSchema = z
  .strictObject({
    /** The MariaDB server (no database in the path); the three databases are created on it if missing. */
    mysqlUrl: z.string().regex(/^(mysql|mariadb):\/\/.+/, "must be a mysql:// URL, e.g. mysql://root@127.0.0.1:3306").default("mysql://root@127.0.0.1:3306"),
    authDatabase: databaseName.default("tc9_auth"),
    charactersDatabase: databaseName.default("tc9_characters"),
    worldDatabase: databaseName.default("tc9_world"),
    /** The one realm: its `realmlist` id and the name the realm list shows. */
    realm: z
      .strictObject({
        id: z.number().int().min(1).max(255).default(1),
        name: z.string().min(1).max(32).default("tc9"),
      })
      .prefault({}),
    /** The logon port the game client dials (it always uses 3724); 0 picks a free one. */
    authPort: port.default(3724),
    /** The world port the realm list points at; 0 picks a free one. */
    gatewayPort: port.default(8085),
    /** Where the auth and gateway ports listen; "0.0.0.0" to reach the realm from other machines. */
    host: z.string().min(1).default("127.0.0.1"),
    /** The address the realm list advertises; default `host`, or 127.0.0.1 when `host` is a wildcard. */
    publicHost: z.string().min(1).optional(),
    /** How many simulated worldservers serve the realm's maps. */
    simulators: z.number().int().min(1).max(16).default(1),
    /** How long the modules may take to start before the start fails. */
    startTimeoutMs: z.number().int().positive().default(30_000),
  })
  .superRefine((settings, issues) => {
    if (settings.authPort !== 0 && settings.authPort === settings.gatewayPort) {
      issues.addIssue({ code: "custom", path: ["gatewayPort"], message: `authPort and gatewayPort are both ${settings.authPort}; give them different ports` });
    }
    const names = [settings.authDatabase, settings.charactersDatabase, settings.worldDatabase].map((name) => name.toLowerCase());
    if (new Set(names).size !== names.length) {
      issues.addIssue({ code: "custom", path: ["charactersDatabase"], message: "authDatabase, charactersDatabase and worldDatabase must be three different databases" });
    }
  });

/** The validated settings the embedded realm runs with. */
export type EmbeddedRealmSettings = z.output<typeof embeddedRealmSettingsSchema>;

/** What {@link startEmbeddedRealm} accepts: the settings (each optional) and a parent logger. */
export type EmbeddedRealmOptions = z.input<typeof embeddedRealmSettingsSchema> & {
  /** Parent logger of the node and the simulators; the node logs JSON to stdout without one. */
  readonly logger?: Logger;
};

/** The address the realm list advertises for the given settings. */
export function advertisedHost(settings: EmbeddedRealmSettings): string {
  if (settings.publicHost !== undefined) return settings.publicHost;
  return settings.host === "0.0.0.0" || settings.host === "::" ? "127.0.0.1" : settings.host;
}
