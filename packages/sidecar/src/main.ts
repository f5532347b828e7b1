// The tc9-sidecar process: reads the TC9_* environment, runs until SIGTERM or SIGINT.
import { loadSidecarConfig } from "./config.js";
import { isTc9Error } from "@tc9/sdk";
import { startSidecar } from "./sidecar.js";

try {
  const sidecar = await startSidecar(loadSidecarConfig(process.env));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sidecar.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`tc9-sidecar: stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  process.stderr.write(`tc9-sidecar: ${isTc9Error(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
