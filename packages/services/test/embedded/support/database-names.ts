// Unique database names for a test run of the embedded realm, and their clean-up.
import { randomBytes } from "node:crypto";
import { Database } from "@tc9/sdk";
import { testServerUrl } from "@tc9/sdk/testing";

/** The three database names of one embedded realm under test. */
export interface RealmDatabaseNames {
  readonly authDatabase: string;
  readonly charactersDatabase: string;
  readonly worldDatabase: string;
}

/** `tc9_test_<pid>_<random>_{auth,characters,world}`: unique per run, found by the usual scratch clean-up. */
export function uniqueDatabaseNames(): RealmDatabaseNames {
  const stem = `tc9_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  return { authDatabase: `${stem}_auth`, charactersDatabase: `${stem}_characters`, worldDatabase: `${stem}_world` };
}

/** A pool on `name` of the test server (the caller closes it). */
export function openTestDatabase(name: string): Database {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return new Database({ url: url.toString(), poolSize: 2 });
}

/** Drops the databases if they exist. */
export async function dropDatabases(names: RealmDatabaseNames): Promise<void> {
  const server = openTestDatabase("information_schema");
  try {
    for (const name of [names.authDatabase, names.charactersDatabase, names.worldDatabase]) {
      await server.execute(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await server.close();
  }
}

/** The databases of `names` that exist on the test server. */
export async function existingDatabases(names: RealmDatabaseNames): Promise<string[]> {
  const server = openTestDatabase("information_schema");
  try {
    const wanted = [names.authDatabase, names.charactersDatabase, names.worldDatabase];
    const rows = await server.queryRows<{ name: string }>(
      "SELECT SCHEMA_NAME AS name FROM SCHEMATA WHERE SCHEMA_NAME IN (?, ?, ?) ORDER BY SCHEMA_NAME",
      wanted,
    );
    return rows.map((row) => row.name);
  } finally {
    await server.close();
  }
}
