import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DatabaseNotConfiguredError,
  environmentSource,
  flagSource,
  requireAuthDatabase,
  resolveDatabases,
  type DatabaseSource,
} from "../src/resolve-databases.js";

const env = {
  TC9_AUTH_DB: "mysql://root@env-host/acore_auth",
  TC9_CHARACTERS_DB: "mysql://root@env-host/realm1_characters, mysql://root@env-host/realm2_characters",
};

describe("resolveDatabases", () => {
  it("prefers flags over the environment, per database kind", () => {
    const locations = resolveDatabases([flagSource({ authDb: "mysql://root@flag-host/acore_auth" }), environmentSource(env)]);
    assert.deepEqual(locations.auth, { url: "mysql://root@flag-host/acore_auth", origin: "--auth-db" });
    assert.deepEqual(locations.characters, [
      { url: "mysql://root@env-host/realm1_characters", origin: "$TC9_CHARACTERS_DB" },
      { url: "mysql://root@env-host/realm2_characters", origin: "$TC9_CHARACTERS_DB" },
    ]);
  });

  it("takes every characters database from the flags when they give any", () => {
    const locations = resolveDatabases([flagSource({ charactersDb: ["mysql://root@a/c1"] }), environmentSource(env)]);
    assert.deepEqual(locations.characters, [{ url: "mysql://root@a/c1", origin: "--characters-db" }]);
    assert.equal(locations.auth?.origin, "$TC9_AUTH_DB");
  });

  it("treats empty environment variables as unset", () => {
    const locations = resolveDatabases([flagSource({}), environmentSource({ TC9_AUTH_DB: "  ", TC9_CHARACTERS_DB: " , " })]);
    assert.equal(locations.auth, undefined);
    assert.deepEqual(locations.characters, []);
  });

  it("asks later sources (a config file, one day) for what earlier ones leave out", () => {
    const configFile: DatabaseSource = { auth: { url: "mysql://root@cfg/acore_auth", origin: "tc9.config.ts" } };
    assert.equal(resolveDatabases([flagSource({}), environmentSource({}), configFile]).auth?.origin, "tc9.config.ts");
  });

  it("says how to configure the auth database when none is", () => {
    const locations = resolveDatabases([flagSource({}), environmentSource({})]);
    assert.throws(
      () => requireAuthDatabase(locations),
      (error: unknown) =>
        error instanceof DatabaseNotConfiguredError &&
        error.code === "TC9_ERR_CLI_DATABASE_NOT_CONFIGURED" &&
        /--auth-db/.test(error.message) &&
        /TC9_AUTH_DB/.test(error.message),
    );
  });
});
