import { z } from "zod";

/**
 * AzerothCore's wrong-password model (`WrongPass.*` in authserver.conf): after `maxCount`
 * consecutive wrong passwords (counted in `account.failed_logins`, reset by a successful logon) the
 * IP or the account is banned for `banTime` seconds (0 = permanently). `maxCount` 0 turns it off,
 * and then `failed_logins` is not counted either, as in AzerothCore.
 */
const wrongPassSchema = z.strictObject({
  maxCount: z.number().int().min(0).default(0),
  banTime: z.number().int().min(0).default(600),
  banType: z.enum(["ip", "account"]).default("ip"),
  /** Also record each wrong password in `logs_ip_actions` (`WrongPass.Logging`). */
  logging: z.boolean().default(false),
});

/** Options of the `auth` module (the logon server on port 3724). */
export const authOptionsSchema = z
  .strictObject({
    /** Listen address; player-facing, so all interfaces by default. */
    host: z.string().min(1).default("0.0.0.0"),
    port: z.number().int().min(0).max(65535).default(3724),
    /** A connection with no traffic for this long is closed (ToCloud9: 2 minutes). */
    idleTimeoutMs: z.number().int().positive().default(120_000),
    /** Connections beyond this are refused by the listener. */
    maxConnections: z.number().int().positive().default(10_000),
    /** Deadline of the registry call that finds each realm's gateway for the realm list. */
    registryTimeoutMs: z.number().int().positive().default(2_000),
    /** Write the client's IP to `account.last_ip` (`AllowLoggingIPAddressesInDatabase`); "0.0.0.0" when off. */
    logIpAddresses: z.boolean().default(true),
    wrongPass: wrongPassSchema.prefault({}),
  })
  .prefault({});

/** The validated options the auth module runs with. */
export type AuthOptions = z.output<typeof authOptionsSchema>;
/** What a topology may write for the auth module (every field optional). */
export type AuthOptionsInput = z.input<typeof authOptionsSchema>;
/** The wrong-password settings inside {@link AuthOptions}. */
export type WrongPassOptions = AuthOptions["wrongPass"];
