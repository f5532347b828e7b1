// Unique database names for an embedded realm under test, and their clean-up.
import { randomBytes } from "node:crypto";
import { Database } from "@tc9/sdk";
import { testServerUrl } from "@tc9/sdk/testing";

/** The three databases of one embedded realm under test. */
export interface RealmDatabaseNames {
  readonly authDatabase: string;
  readonly charactersDatabase: string;
  readonly worldDatabase: string;
}

/** `tc9_test_<pid>_<random>_{auth,characters,world}`: unique per run, found by the usual scratch clean-up. */
export function uniqueRealmDatabaseNames(): RealmDatabaseNames {
  const stem = `tc9_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  return { authDatabase: `${stem}_auth`, charactersDatabase: `${stem}_characters`, worldDatabase: `${stem}_world` };
}

/** The test server's URL for database `name`. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases if they exist. */
export async function dropRealmDatabases(names: RealmDatabaseNames): Promise<void> {
  const server = new Database({ url: testDatabaseUrl("information_schema"), poolSize: 1 });
  try {
    for (const name of [names.authDatabase, names.charactersDatabase, names.worldDatabase]) await server.execute(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await server.close();
  }
}
