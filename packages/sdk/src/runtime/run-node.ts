import type { Topology } from "./topology.js";
import { startNode, type RunningNode, type StartNodeOptions } from "./node.js";

/**
 * Runs one node as the whole process: starts it, and on SIGINT/SIGTERM stops it in reverse order,
 * draining in-flight calls, then exits 0. A second signal exits at once with code 1.
 */
export async function runNode(topology: Topology, nodeName: string, options: StartNodeOptions = {}): Promise<RunningNode> {
  const node = await startNode(topology, nodeName, options);
  let signalled = false;
  const onSignal = (): void => {
    if (signalled) process.exit(1);
    signalled = true;
    void node.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return node;
}
