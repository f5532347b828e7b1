// npm prepack/postpack of @tc9/sdk: the package ships tc9's migrations (the repository's
// migrations/ folder) as packages/sdk/migrations/, a copy that exists only while npm packs.
import { cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const copy = fileURLToPath(new URL("../migrations/", import.meta.url));
const source = fileURLToPath(new URL("../../../migrations/", import.meta.url));

if (process.argv[2] === "copy") cpSync(source, copy, { recursive: true });
else rmSync(copy, { recursive: true, force: true });
