// A scratch project directory for `tc9 up` tests: under the repository's node_modules, so that a
// config file written there resolves @tc9/sdk and @tc9/services like an installed project would.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const scratchRoot = fileURLToPath(new URL("../../../node_modules/.tc9-test-projects/", import.meta.url));

/** A new directory holding an ESM package.json (as `tc9 init` writes), and a way to remove it again. */
export async function scratchProject(): Promise<{ dir: string; remove: () => Promise<void> }> {
  await mkdir(scratchRoot, { recursive: true });
  const dir = await mkdtemp(join(scratchRoot, "project-"));
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "scratch-realm", private: true, type: "module" })}\n`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
