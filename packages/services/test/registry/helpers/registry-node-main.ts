// Child-process entry: runs a registry node on a NATS bus until SIGTERM or SIGINT.
// Arguments: <subject prefix> <gRPC port> <HTTP port> <registry options as JSON>.
import { createLogger, runNode } from "@tc9/sdk";
import { registryTopology } from "./registry-node.js";

const [subjectPrefix, grpc, http, options] = process.argv.slice(2);
if (subjectPrefix === undefined || !Number(grpc) || !Number(http) || options === undefined) {
  process.stderr.write("usage: registry-node-main <subject prefix> <grpc port> <http port> <options JSON>\n");
  process.exit(2);
}
await runNode(registryTopology(subjectPrefix, JSON.parse(options) as object, { grpc: Number(grpc), http: Number(http) }), "registry", {
  logger: createLogger({ level: "warn" }),
});
