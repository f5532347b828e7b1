/** A scratch characters database with tc9's migrations applied, for tests of the store and the pools. */
import { fileURLToPath } from "node:url";
import { runMigrations } from "@tc9/sdk";
import { createScratchDatabase } from "@tc9/sdk/testing";

/** `<repo>/migrations/characters`. */
export const charactersMigrationsDir = fileURLToPath(new URL("../../../../../migrations/characters", import.meta.url));

/** The scratch database handle of `@tc9/sdk/testing`. */
export type ScratchDatabase = Awaited<ReturnType<typeof createScratchDatabase>>;

/** Creates a characters database from `source` and applies tc9's characters migrations to it. */
export async function migratedCharacters(source: "tc9" | "azerothcore-fixtures" = "tc9"): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase({ schema: "characters", source });
  try {
    await runMigrations(scratch.db, { kind: "characters", dir: charactersMigrationsDir });
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return scratch;
}
