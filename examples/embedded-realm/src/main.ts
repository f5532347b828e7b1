/**
 * A whole tc9 realm in this process: auth (3724), characters, servers registry, gateway (8085)
 * and a simulated worldserver, on MariaDB at 127.0.0.1:3306. Optionally creates an account, says
 * how to point a 3.3.5a client at the realm, and runs until Ctrl-C.
 *
 *   node --conditions=tc9:source --import tsx src/main.ts --account alice:secret
 *
 * Results go to stdout, the node's JSON logs to stderr (`TC9_LOG_LEVEL=info` for more of them).
 */
import { createLogger } from "@tc9/sdk";
import { ACCOUNT_ERROR_CODES, AccountError, createAccount, startEmbeddedRealm, type EmbeddedRealm } from "@tc9/services";
import { parseMainOptions, USAGE, type MainOptions } from "./cli-options.js";

/** The port the game client always dials for its logon. */
const CLIENT_LOGON_PORT = 3724;

/** Creates the account; one that exists already is kept as it is. Returns what happened. */
async function ensureAccount(realm: EmbeddedRealm, username: string, password: string): Promise<string> {
  try {
    await createAccount(realm.databases.auth, { username, password });
    return "created";
  } catch (error) {
    if (error instanceof AccountError && error.code === ACCOUNT_ERROR_CODES.nameTaken) return "exists already; its password is unchanged";
    throw error;
  }
}

function describe(realm: EmbeddedRealm, account: { readonly username: string; readonly status: string } | undefined): string {
  const { authAddress, gatewayAddress, publicHost } = realm;
  const lines = [
    `tc9 embedded realm "${realm.realm.name}" (realm ${realm.realm.id}) is running`,
    `  auth (logon)     ${authAddress.host}:${authAddress.port}`,
    `  gateway (world)  ${gatewayAddress.host}:${gatewayAddress.port}, advertised as ${publicHost}:${gatewayAddress.port}`,
    `  worldservers     ${realm.simulators.map((simulator) => `simulated at ${simulator.gameAddress}`).join(", ")}`,
    `  health, metrics  ${realm.node.httpUrl}/healthz, ${realm.node.httpUrl}/metrics`,
    ...(account === undefined ? [] : [`  account          ${account.username} (${account.status})`]),
    "",
    "Point a 3.3.5a client (build 12340) at it: in the client's realmlist.wtf write",
    `  set realmlist ${publicHost}`,
    ...(authAddress.port === CLIENT_LOGON_PORT
      ? []
      : [`  (the game client always dials port ${CLIENT_LOGON_PORT}; this realm's logon port is ${authAddress.port}, fine for the headless client)`]),
    "or let the headless client play through it:",
    `  npm run smoke -w @tc9/example-embedded-realm -- --auth ${publicHost}:${authAddress.port} --account ${account?.username ?? "NAME"}:PASSWORD`,
    "Press Ctrl-C to stop.",
  ];
  return lines.join("\n");
}

/** The parsed command line, or undefined after printing the usage (exit code 2). */
function commandLine(): MainOptions | undefined {
  try {
    return parseMainOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
}

async function main(): Promise<void> {
  const options = commandLine();
  if (!options) return;
  const logger = createLogger({ destination: process.stderr, level: process.env["TC9_LOG_LEVEL"] ?? "warn" });
  const realm = await startEmbeddedRealm({ ...options.realm, logger });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the realm (players in the world are saved)`);
    realm.stop().then(
      () => console.log("realm stopped"),
      (error: unknown) => {
        console.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  try {
    const account = options.account
      ? { username: options.account.username, status: await ensureAccount(realm, options.account.username, options.account.password) }
      : undefined;
    console.log(describe(realm, account));
  } catch (error) {
    await realm.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  const code = typeof error === "object" && error !== null && "code" in error ? ` [${String(error.code)}]` : "";
  console.error(`the realm could not start${code}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
