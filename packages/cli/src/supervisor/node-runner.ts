/**
 * The entry of a node child process: `node node-runner.js <config file> <node name>`. Loads the
 * config, runs the node until SIGTERM/SIGINT (`runNode`), and tells the supervisor where it
 * listens. When the supervisor goes away (the IPC channel closes) the node stops too, so no node
 * outlives its supervisor.
 */
import { runNode } from "@tc9/sdk";
import { loadTopology } from "./load-topology.js";
import { NODE_LISTENING_MESSAGE, type NodeListeningMessage } from "./node-runner-protocol.js";

const [configFile, nodeName] = process.argv.slice(2);
if (configFile === undefined || nodeName === undefined) {
  process.stderr.write("usage: node-runner <config file> <node name>\n");
  process.exit(2);
}
try {
  const node = await runNode(await loadTopology(configFile), nodeName);
  const message: NodeListeningMessage = { type: NODE_LISTENING_MESSAGE, httpUrl: node.httpUrl, grpcAddress: node.grpcAddress };
  process.send?.(message);
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
} catch (error) {
  process.stderr.write(`node ${nodeName} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
