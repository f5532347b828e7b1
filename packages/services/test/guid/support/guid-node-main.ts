// Child-process entry: runs the `guid` node for one realm until SIGTERM or SIGINT.
// Arguments: <characters database URL> <gRPC port> <HTTP port>.
import { createLogger, runNode } from "@tc9/sdk";
import { guidTopology } from "./guid-node.js";

const [charactersUrl, grpc, http] = process.argv.slice(2);
if (charactersUrl === undefined || !Number(grpc) || !Number(http)) {
  process.stderr.write("usage: guid-node-main <characters database URL> <grpc port> <http port>\n");
  process.exit(2);
}
await runNode(guidTopology([{ id: 1, charactersUrl }], {}, { grpc: Number(grpc), http: Number(http) }), "guid", {
  logger: createLogger({ level: "warn" }),
});
