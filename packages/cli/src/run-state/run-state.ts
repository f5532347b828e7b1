/**
 * What `tc9 up` tells the other commands about the realm it supervises: one JSON file,
 * `<project>/.tc9/run.json`, rewritten atomically whenever a node changes state. `tc9 top`,
 * `tc9 status`, `tc9 logs` and `tc9 down` read it; nothing else writes it.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

/** Where a node is in its life under the supervisor. */
export const NODE_RUN_STATUSES = ["starting", "ready", "restarting", "stopping", "stopped", "failed"] as const;
export type NodeRunStatus = (typeof NODE_RUN_STATUSES)[number];

const nodeRunStateSchema = z.object({
  /** The node's name in the topology. */
  name: z.string().min(1),
  status: z.enum(NODE_RUN_STATUSES),
  /** The process running it (the supervisor's own pid when the node runs in-process). */
  pid: z.number().int().positive().optional(),
  /** `http://host:port` of its `/healthz`, `/readyz` and `/metrics`, once it listens. */
  httpUrl: z.string().optional(),
  /** `host:port` of its gRPC server, once it listens. */
  grpcAddress: z.string().optional(),
  /** Absolute path of the file its output goes to. */
  logFile: z.string(),
  /** How many times the supervisor restarted it since `tc9 up`. */
  restarts: z.number().int().nonnegative(),
  /** When its current process started (ISO 8601). */
  startedAt: z.string().optional(),
  /** How its last process ended, when one did: exit code or signal name. */
  lastExit: z.string().optional(),
  /** The modules it hosts, in start order. */
  modules: z.array(z.string()),
});
export type NodeRunState = z.infer<typeof nodeRunStateSchema>;

const runStateSchema = z.object({
  version: z.literal(1),
  /** The topology's name. */
  topology: z.string(),
  /** Absolute path of the config file `tc9 up` loaded. */
  configFile: z.string(),
  /** The `tc9 up` process; `tc9 down` signals it. */
  supervisorPid: z.number().int().positive(),
  /**
   * `http://127.0.0.1:port` of the supervisor's loopback control endpoint:
   * `POST /nodes/<name>/restart` restarts one node, `POST /stop` stops the realm.
   */
  controlUrl: z.string().optional(),
  startedAt: z.string(),
  /** In start (dependency) order. */
  nodes: z.array(nodeRunStateSchema),
});
export type RunState = z.infer<typeof runStateSchema>;

/** `<projectDir>/.tc9`: the run file and the node log files live here. */
export const runDirectory = (projectDir: string): string => join(projectDir, ".tc9");
export const runStateFile = (projectDir: string): string => join(runDirectory(projectDir), "run.json");
export const nodeLogFile = (projectDir: string, node: string): string => join(runDirectory(projectDir), "logs", `${node}.log`);

/** Writes the state atomically (temp file + rename), so readers never see half a file. */
export async function writeRunState(projectDir: string, state: RunState): Promise<void> {
  const file = runStateFile(projectDir);
  await mkdir(runDirectory(projectDir), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(runStateSchema.parse(state), null, 2)}\n`);
  await rename(temporary, file);
}

/** Why a run file could not be read. */
export class RunStateError extends Error {
  override readonly name = "RunStateError";
}

/**
 * The state of the realm `tc9 up` runs from `projectDir`; undefined when no run file exists
 * (nothing was started there). A file that does not parse is a {@link RunStateError}.
 */
export async function readRunState(projectDir: string): Promise<RunState | undefined> {
  const file = runStateFile(projectDir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RunStateError(`${file} is not JSON; remove it and run tc9 up again`);
  }
  const parsed = runStateSchema.safeParse(json);
  if (!parsed.success) throw new RunStateError(`${file} is not a tc9 run file (${z.prettifyError(parsed.error)}); remove it and run tc9 up again`);
  return parsed.data;
}

/** Whether the supervisor that wrote `state` still runs. */
export function supervisorAlive(state: RunState): boolean {
  try {
    process.kill(state.supervisorPid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
