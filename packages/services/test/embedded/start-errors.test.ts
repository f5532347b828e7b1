// What the embedded realm says when it cannot start: MariaDB down, a port taken, options that
// cannot work, a realm name another realm already uses. Each error names the fix.
import assert from "node:assert/strict";
import { createServer, type AddressInfo, type Server } from "node:net";
import { after, before, describe, it } from "node:test";
import { createLogger } from "@tc9/sdk";
import { testServerUrl } from "@tc9/sdk/testing";
import { EmbeddedRealmError, startEmbeddedRealm, type EmbeddedRealmOptions } from "../../src/embedded/index.js";
import { dropDatabases, existingDatabases, openTestDatabase, uniqueDatabaseNames } from "./support/database-names.js";

const quiet = createLogger({ level: "silent" });

/** Starts the realm expecting it to fail; returns the EmbeddedRealmError. */
async function startFails(options: EmbeddedRealmOptions): Promise<EmbeddedRealmError> {
  try {
    const realm = await startEmbeddedRealm({ mysqlUrl: testServerUrl(), authPort: 0, gatewayPort: 0, logger: quiet, ...options });
    await realm.stop();
  } catch (error) {
    assert.ok(error instanceof EmbeddedRealmError, `expected an EmbeddedRealmError, got ${String(error)}`);
    return error;
  }
  assert.fail("the realm started");
}

async function listen(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

describe("embedded realm start errors", () => {
  const names = uniqueDatabaseNames();
  let occupied: Server;
  let occupiedPort: number;

  before(async () => {
    occupied = await listen();
    occupiedPort = (occupied.address() as AddressInfo).port;
  });

  after(async () => {
    await new Promise<void>((resolve) => occupied.close(() => resolve()));
    await dropDatabases(names);
  });

  it("says to start MariaDB or pass mysqlUrl when the server does not answer", async () => {
    const closed = await listen();
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await startFails({ ...names, mysqlUrl: `mysql://root@127.0.0.1:${port}` });
    assert.equal(error.code, "TC9_ERR_EMBEDDED_MYSQL_UNREACHABLE");
    assert.match(error.message, new RegExp(`MariaDB at mysql://root@127\\.0\\.0\\.1:${port} cannot be reached .*; start MariaDB or pass mysqlUrl`));
  });

  it("names the taken port and the option to change, before touching MariaDB", async () => {
    const gateway = await startFails({ ...names, gatewayPort: occupiedPort });
    assert.equal(gateway.code, "TC9_ERR_EMBEDDED_PORT_TAKEN");
    assert.equal(
      gateway.message,
      `the gateway (world) port 127.0.0.1:${occupiedPort} is already in use; stop whatever listens there, or pass another gatewayPort`,
    );
    const auth = await startFails({ ...names, authPort: occupiedPort });
    assert.match(auth.message, new RegExp(`auth \\(logon\\) port 127\\.0\\.0\\.1:${occupiedPort} is already in use.*pass another authPort`));
    assert.deepEqual(await existingDatabases(names), [], "no database was created");
  });

  it("refuses options that cannot work", async () => {
    const samePorts = await startFails({ ...names, authPort: 4000, gatewayPort: 4000 });
    assert.equal(samePorts.code, "TC9_ERR_EMBEDDED_OPTIONS");
    assert.match(samePorts.message, /authPort and gatewayPort are both 4000; give them different ports/);
    const sameDatabase = await startFails({ ...names, charactersDatabase: names.authDatabase });
    assert.match(sameDatabase.message, /must be three different databases/);
    const badName = await startFails({ ...names, worldDatabase: "world; DROP" });
    assert.match(badName.message, /letters, digits or underscores, e.g. tc9_auth\n  → at worldDatabase/);
    const withDatabase = await startFails({ ...names, mysqlUrl: `${testServerUrl()}/acore_auth` });
    assert.match(withDatabase.message, /names database "acore_auth"; pass the server only/);
  });

  it("refuses a realm whose name another realmlist entry already has", async () => {
    const first = await startEmbeddedRealm({ ...names, mysqlUrl: testServerUrl(), authPort: 0, gatewayPort: 0, logger: quiet });
    await first.stop();
    const auth = openTestDatabase(names.authDatabase);
    try {
      await auth.execute("UPDATE realmlist SET id = 7 WHERE id = 1");
    } finally {
      await auth.close();
    }
    const error = await startFails({ ...names });
    assert.equal(error.code, "TC9_ERR_EMBEDDED_OPTIONS");
    assert.match(error.message, /realmlist already has a realm named "tc9" under another id; pass realm.name with another name or realm.id with that realm's id/);
  });
});
