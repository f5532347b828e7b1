import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDatabaseUrl, redactDatabaseUrl, StorageConfigError } from "../../src/storage/index.js";

describe("parseDatabaseUrl", () => {
  it("reads user, password, host, port, database and pool size", () => {
    const settings = parseDatabaseUrl("mysql://acore:s%40cret@db.internal:3307/acore_characters?poolSize=7");
    assert.deepEqual(settings, {
      host: "db.internal",
      port: 3307,
      user: "acore",
      password: "s@cret",
      database: "acore_characters",
      socketPath: undefined,
      poolSize: 7,
    });
  });

  it("defaults to root on port 3306 without a database, and accepts mariadb://", () => {
    const settings = parseDatabaseUrl("mariadb://127.0.0.1");
    assert.equal(settings.user, "root");
    assert.equal(settings.port, 3306);
    assert.equal(settings.password, undefined);
    assert.equal(settings.database, undefined);
  });

  it("reads a unix socket and the connectionLimit alias", () => {
    const settings = parseDatabaseUrl("mysql://root@localhost/acore_auth?socket=/run/mysqld/mysqld.sock&connectionLimit=3");
    assert.equal(settings.socketPath, "/run/mysqld/mysqld.sock");
    assert.equal(settings.poolSize, 3);
  });

  for (const [url, mentions] of [
    ["not a url", /is not a URL/],
    ["postgres://root@localhost/db", /use mysql:\/\/ or mariadb:\/\//],
    ["mysql://root@localhost/db?pool=3", /unknown parameter "pool"/],
    ["mysql://root@localhost/db?poolSize=0", /poolSize "0"/],
    ["mysql://root@localhost/a/b", /database name only/],
  ] as const) {
    it(`refuses ${url} with a coded error`, () => {
      assert.throws(
        () => parseDatabaseUrl(url),
        (error: unknown) => error instanceof StorageConfigError && error.code === "TC9_ERR_STORAGE_CONFIG" && mentions.test(error.message),
      );
    });
  }

  it("never puts the password in an error message", () => {
    assert.throws(
      () => parseDatabaseUrl("mysql://root:hunter2@localhost/db?bogus=1"),
      (error: unknown) => error instanceof StorageConfigError && !error.message.includes("hunter2"),
    );
  });
});

describe("redactDatabaseUrl", () => {
  it("replaces the password only", () => {
    assert.equal(redactDatabaseUrl("mysql://acore:secret@host:3306/db"), "mysql://acore:***@host:3306/db");
    assert.equal(redactDatabaseUrl("mysql://acore@host/db"), "mysql://acore@host/db");
  });
});
