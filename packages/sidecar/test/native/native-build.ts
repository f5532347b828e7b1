import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** packages/sidecar/native */
export const NATIVE_DIR = fileURLToPath(new URL("../../native/", import.meta.url));
/** Where `make` puts the libraries and the fake worldserver. */
export const BUILD_DIR = `${NATIVE_DIR}build/`;

/** Builds the libraries and the fake worldserver (incremental; `make` from PATH). */
export function buildNative(): void {
  execFileSync("make", ["-s", "-C", NATIVE_DIR, "all", "test-bin"], { stdio: "pipe" });
}
