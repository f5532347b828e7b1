import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Folders the storage layer reads files from. This module sits at `packages/sdk/src/storage/`
 * when run from source and at `packages/sdk/dist/storage/` when built; both are the same depth,
 * so the same relative paths work for either.
 */

/** `packages/sdk/` — holds `schema/` (shipped in the npm package). */
export const sdkPackageDir = fileURLToPath(new URL("../../", import.meta.url));

/** The repository root — holds `migrations/`, and `../shared/` sits next to it in CI. */
export const repositoryDir = fileURLToPath(new URL("../../../../", import.meta.url));

/** The AzerothCore databases tc9 declares tables for. */
export type AzerothCoreSchema = "auth" | "characters" | "world";

/** The databases tc9 has its own migrations for. */
export type MigrationKind = "auth" | "characters";

/** `packages/sdk/schema/azerothcore/<schema>/` — one `CREATE TABLE IF NOT EXISTS` file per table. */
export function schemaDir(schema: AzerothCoreSchema): string {
  return join(sdkPackageDir, "schema", "azerothcore", schema);
}

/**
 * tc9's own migrations for that database: `<repo>/migrations/<kind>/` in a checkout, else the copy
 * the npm package ships (`migrations/` in the package, copied there while it is packed).
 */
export function defaultMigrationsDir(kind: MigrationKind): string {
  const checkout = join(repositoryDir, "migrations", kind);
  return existsSync(checkout) ? checkout : join(sdkPackageDir, "migrations", kind);
}
