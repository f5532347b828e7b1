/**
 * Runs the hello cluster, greets a few visitors through GreeterService, prints the greetings and
 * the nodes' rpc call counters from `/metrics`, and stops everything.
 *
 *   node --conditions=tc9:source --import tsx src/main.ts --mode one-process
 *   node --conditions=tc9:source --import tsx src/main.ts --mode two-processes
 *
 * one-process: this process runs node `all` (counter + greeter).
 * two-processes: node `counter` runs in a child process; this process runs node `greeter`.
 */
import { parseArgs } from "node:util";
import { createLogger, startNode, type RunningNode } from "@tc9/sdk";
import { GreeterService } from "./generated/index.js";
import { rpcCallLines, spawnNode, stopNode, waitUntilReady } from "./node-control.js";
import { oneNode, PORTS, twoNodes } from "./topology.js";

const VISITORS = ["Ada", "Grace", "Linus"];
const MODES = ["one-process", "two-processes"] as const;
type Mode = (typeof MODES)[number];

/** Logs (pino JSON) go to stderr, so stdout holds only the results. */
const logger = createLogger({ destination: process.stderr });

function parseMode(args: string[]): Mode {
  const { values } = parseArgs({ args, options: { mode: { type: "string", default: "one-process" } } });
  const mode = MODES.find((candidate) => candidate === values.mode);
  if (mode === undefined) throw new Error(`--mode must be ${MODES.join(" or ")}, not "${values.mode}"`);
  return mode;
}

/** Greets every visitor through `node`'s GreeterService client and prints the greetings. */
async function greetVisitors(node: RunningNode): Promise<void> {
  const greeter = node.use(GreeterService);
  for (const name of VISITORS) {
    const { greeting } = await greeter.greet({ name }, { timeoutMs: 5_000 });
    console.log(greeting);
  }
}

async function printRpcCalls(nodeName: string, httpUrl: string): Promise<void> {
  console.log(`rpc calls of node ${nodeName} (${httpUrl}/metrics):`);
  for (const line of await rpcCallLines(httpUrl)) console.log(`  ${line}`);
}

async function runOneProcess(): Promise<void> {
  const node = await startNode(oneNode, "all", { logger });
  try {
    await waitUntilReady(node.httpUrl);
    await greetVisitors(node);
    await printRpcCalls("all", node.httpUrl);
  } finally {
    await node.stop();
  }
}

async function runTwoProcesses(): Promise<void> {
  const counterUrl = `http://127.0.0.1:${PORTS.counterHttp}`;
  const counter = spawnNode("counter");
  try {
    await waitUntilReady(counterUrl, counter);
    const greeter = await startNode(twoNodes, "greeter", { logger });
    try {
      await waitUntilReady(greeter.httpUrl);
      await greetVisitors(greeter);
      await printRpcCalls("greeter", greeter.httpUrl);
      await printRpcCalls("counter", counterUrl);
    } finally {
      await greeter.stop();
    }
  } finally {
    await stopNode(counter, "counter");
  }
  console.log("node counter stopped cleanly (exit code 0)");
}

const mode = parseMode(process.argv.slice(2));
console.log(`hello-cluster, ${mode}`);
await (mode === "one-process" ? runOneProcess() : runTwoProcesses());
