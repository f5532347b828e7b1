import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/sidecar/native */
export const NATIVE_DIR = fileURLToPath(new URL("../../native/", import.meta.url));
/** Where `make` puts the libraries and the fake worldserver. */
export const BUILD_DIR = `${NATIVE_DIR}build/`;

/**
 * Builds the libraries and the fake worldserver (incremental; `make` from PATH), under a lock:
 * test files run in parallel, and two makes rebuilding the same objects would race.
 */
export function buildNative(): void {
  execFileSync("flock", [join(tmpdir(), "tc9-sidecar-native-build.lock"), "make", "-s", "-C", NATIVE_DIR, "all", "test-bin"], { stdio: "pipe" });
}
