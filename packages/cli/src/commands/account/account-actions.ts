import { Database } from "@tc9/sdk";
import { toUpperLatinOnly } from "@tc9/sdk/wow";
import { ALL_REALMS, banAccount, changePassword, createAccount, setGmLevel, unbanAccount } from "@tc9/services";
import type { CliIo } from "../../cli-io.js";
import { reportOutcome } from "../../output.js";
import { readSecret } from "../../read-secret.js";
import { environmentSource, flagSource, requireAuthDatabase, resolveDatabases } from "../../resolve-databases.js";

/**
 * What the `tc9 account` subcommands do once their arguments are parsed: open the auth database,
 * make one account call from `@tc9/services`, print the result. Loaded only when such a command runs.
 */

/** Options every account subcommand has. */
export interface AccountCommandOptions {
  readonly authDb?: string | undefined;
  readonly json?: boolean | undefined;
}

/** `tc9 account create`. */
export async function runCreate(
  io: CliIo,
  input: AccountCommandOptions & {
    username: string;
    password: string;
    email?: string | undefined;
    expansion?: number | undefined;
    gm?: number | undefined;
    realm?: number | undefined;
  },
): Promise<void> {
  await reportOutcome(
    io,
    input.json,
    () =>
      withAuthDatabase(io, input.authDb, async (db) => {
        const password = await readSecret(input.password, io.stdin);
        const account = await createAccount(db, {
          username: input.username,
          password,
          ...(input.email === undefined ? {} : { email: input.email }),
          ...(input.expansion === undefined ? {} : { expansion: input.expansion }),
        });
        if (input.gm === undefined) return { account };
        const gm = { level: input.gm, realmId: input.realm ?? ALL_REALMS };
        await setGmLevel(db, { username: account.username, ...gm });
        return { account, gm };
      }),
    (result, style) =>
      `${style.ok("✔")} created account ${style.bold(result.account.username)} (id ${result.account.id})` +
      (result.gm === undefined ? "" : `, GM level ${result.gm.level} ${realmText(result.gm.realmId)}`),
  );
}

/** `tc9 account password`. */
export async function runPassword(io: CliIo, input: AccountCommandOptions & { username: string; newPassword: string }): Promise<void> {
  await reportOutcome(
    io,
    input.json,
    () =>
      withAuthDatabase(io, input.authDb, async (db) => {
        await changePassword(db, { username: input.username, newPassword: await readSecret(input.newPassword, io.stdin) });
        return { username: toUpperLatinOnly(input.username) };
      }),
    (result, style) => `${style.ok("✔")} changed the password of ${style.bold(result.username)}`,
  );
}

/** `tc9 account gm`. */
export async function runGm(io: CliIo, input: AccountCommandOptions & { username: string; level: number; realm: number }): Promise<void> {
  await reportOutcome(
    io,
    input.json,
    () =>
      withAuthDatabase(io, input.authDb, async (db) => {
        await setGmLevel(db, { username: input.username, level: input.level, realmId: input.realm });
        return { username: toUpperLatinOnly(input.username), level: input.level, realmId: input.realm };
      }),
    (result, style) => `${style.ok("✔")} ${style.bold(result.username)} has GM level ${result.level} ${realmText(result.realmId)}`,
  );
}

/** `tc9 account ban`: `durationSeconds` for a temporary ban, or `permanent`. */
export async function runBan(
  io: CliIo,
  input: AccountCommandOptions & { username: string; reason: string; by: string } & (
      | { durationSeconds: number; permanent?: never }
      | { permanent: true; durationSeconds?: never }
    ),
): Promise<void> {
  await reportOutcome(
    io,
    input.json,
    () =>
      withAuthDatabase(io, input.authDb, async (db) => {
        const common = { username: input.username, reason: input.reason, bannedBy: input.by };
        const ban = await banAccount(
          db,
          input.permanent === true ? { ...common, permanent: true } : { ...common, durationSeconds: input.durationSeconds },
        );
        return { username: toUpperLatinOnly(input.username), permanent: input.permanent === true, ...ban, reason: input.reason, bannedBy: input.by };
      }),
    (result, style) =>
      `${style.ok("✔")} banned ${style.bold(result.username)} ` +
      (result.permanent ? "permanently" : `until ${new Date(result.unbandate * 1000).toISOString().replace(".000Z", "Z")}`) +
      ` (reason: ${result.reason})`,
  );
}

/** `tc9 account unban`. */
export async function runUnban(io: CliIo, input: AccountCommandOptions & { username: string }): Promise<void> {
  await reportOutcome(
    io,
    input.json,
    () =>
      withAuthDatabase(io, input.authDb, async (db) => {
        const wasBanned = await unbanAccount(db, { username: input.username });
        return { username: toUpperLatinOnly(input.username), wasBanned };
      }),
    (result, style) =>
      result.wasBanned
        ? `${style.ok("✔")} lifted the ban on ${style.bold(result.username)}`
        : `${style.ok("✔")} ${style.bold(result.username)} was not banned; nothing changed`,
  );
}

function realmText(realmId: number): string {
  return realmId === ALL_REALMS ? "on every realm" : `on realm ${realmId}`;
}

/** Opens the auth database the flags or environment name, runs `work` on it, and closes it. */
async function withAuthDatabase<T>(io: CliIo, authDb: string | undefined, work: (db: Database) => Promise<T>): Promise<T> {
  const location = requireAuthDatabase(resolveDatabases([flagSource({ authDb }), environmentSource(io.env)]));
  const db = new Database({ url: location.url, poolSize: 2 });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
