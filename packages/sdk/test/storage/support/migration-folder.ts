import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary migration folder for one test. */
export interface MigrationFolder {
  readonly dir: string;
  write(name: string, sql: string): Promise<void>;
  remove(): Promise<void>;
}

export async function migrationFolder(files: Record<string, string> = {}): Promise<MigrationFolder> {
  const dir = await mkdtemp(join(tmpdir(), "tc9-migrations-"));
  const folder: MigrationFolder = {
    dir,
    write: (name, sql) => writeFile(join(dir, name), sql),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [name, sql] of Object.entries(files)) await folder.write(name, sql);
  return folder;
}
