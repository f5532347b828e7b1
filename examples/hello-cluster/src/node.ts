/**
 * Runs one node of the example as this whole process, until SIGTERM or Ctrl-C:
 * `node --conditions=tc9:source --import tsx src/node.ts <all|counter|greeter>`.
 */
import { createLogger, runNode } from "@tc9/sdk";
import { topologyOf } from "./topology.js";

const nodeName = process.argv[2] ?? "";
const topology = topologyOf(nodeName);
if (topology === undefined) {
  process.stderr.write("usage: node.ts <all|counter|greeter>\n");
  process.exit(2);
}
await runNode(topology, nodeName, { logger: createLogger({ destination: process.stderr }) });
