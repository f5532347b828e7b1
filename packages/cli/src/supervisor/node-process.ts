import { fork } from "node:child_process";
import { closeSync, createWriteStream, openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createLogger, startNode, type Topology } from "@tc9/sdk";
import { NODE_LISTENING_MESSAGE, type NodeListeningMessage } from "./node-runner-protocol.js";

/** Where a started node listens. */
export interface NodeAddresses {
  readonly httpUrl: string;
  readonly grpcAddress?: string | undefined;
}

/** One run of one node: a child process, or the node started inside the supervisor. */
export interface NodeProcess {
  readonly pid: number;
  /** Resolves once the node's HTTP server listens; rejects when the process ends first. */
  readonly listening: Promise<NodeAddresses>;
  /** Resolves with how the process ended: its exit code, or the signal that ended it. */
  readonly exited: Promise<string>;
  /** Asks it to stop (SIGTERM: in-flight calls drain, modules stop in reverse order); kills it after `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
}

/** True when this CLI runs from its TypeScript sources (`--conditions=tc9:source --import tsx`). */
const fromSource = import.meta.url.endsWith(".ts");
const runnerFile = fileURLToPath(new URL(`./node-runner.${fromSource ? "ts" : "js"}`, import.meta.url));
/** Node flags a child needs to run what this process runs: tc9's sources through tsx, or the built files. */
const childExecArgv = fromSource ? ["--conditions=tc9:source", "--import", import.meta.resolve("tsx")] : [];

/**
 * Starts `node` of the topology in `configFile` as a child process (`node-runner` loads the config
 * and calls `runNode`); its stdout and stderr are appended to `logFile`.
 */
export function startChildNode(configFile: string, node: string, logFile: string, projectDir: string): NodeProcess {
  const log = openSync(logFile, "a");
  let child;
  try {
    // Its own process group: Ctrl-C in the terminal reaches tc9 up only, which stops the nodes in reverse order.
    child = fork(runnerFile, [configFile, node], { cwd: projectDir, execArgv: childExecArgv, stdio: ["ignore", log, log, "ipc"], detached: true });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? String(code ?? "")));
    child.once("error", (error) => resolve(`spawn failed: ${error.message}`));
  });
  const listening = new Promise<NodeAddresses>((resolve, reject) => {
    child.on("message", (message: unknown) => {
      if (isListening(message)) resolve({ httpUrl: message.httpUrl, grpcAddress: message.grpcAddress });
    });
    void exited.then((how) => reject(new Error(`node ${node} ended (${how}) before it listened; read ${logFile}`)));
  });
  listening.catch(() => undefined);
  return {
    pid: child.pid ?? 0,
    listening,
    exited,
    async stop(timeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts `node` inside this process, logging JSON lines to `logFile`. */
export async function startInProcessNode(topology: Topology, node: string, logFile: string): Promise<NodeProcess> {
  const destination = createWriteStream(logFile, { flags: "a" });
  const running = await startNode(topology, node, { logger: createLogger({ destination }) });
  let ended: (how: string) => void = () => undefined;
  const exited = new Promise<string>((resolve) => (ended = resolve));
  return {
    pid: process.pid,
    listening: Promise.resolve({ httpUrl: running.httpUrl, grpcAddress: running.grpcAddress }),
    exited,
    async stop() {
      await running.stop();
      await new Promise((resolve) => destination.end(resolve));
      ended("0");
    },
  };
}

function isListening(message: unknown): message is NodeListeningMessage {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === NODE_LISTENING_MESSAGE;
}
