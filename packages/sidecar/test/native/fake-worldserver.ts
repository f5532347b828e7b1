import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { BUILD_DIR } from "./native-build.js";

/** One "EVENT name key=value ..." line of the fake worldserver. */
export interface WorldEvent {
  readonly name: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** A running fake worldserver process and its event lines. */
export interface FakeWorldserver {
  readonly process: ChildProcessWithoutNullStreams;
  /** Sends one command line (run on its world thread). */
  command(line: string): void;
  /** Resolves with the first event named `name` (after those already consumed) matching `where`. */
  next(name: string, where?: (fields: Readonly<Record<string, string>>) => boolean, timeoutMs?: number): Promise<WorldEvent>;
  /** Everything printed on stderr (the library's log). */
  stderr(): string;
  exited: Promise<number | null>;
}

function parse(line: string): WorldEvent | undefined {
  if (!line.startsWith("EVENT ")) return undefined;
  const [, name = "", ...rest] = line.split(" ");
  const fields: Record<string, string> = {};
  for (const token of rest) {
    const eq = token.indexOf("=");
    if (eq > 0) fields[token.slice(0, eq)] = token.slice(eq + 1);
  }
  return { name, fields };
}

/** Starts build/fake_worldserver (optionally under a wrapper such as valgrind). */
export function startFakeWorldserver(env: Record<string, string>, args: string[], wrapper: string[] = []): FakeWorldserver {
  const binary = `${BUILD_DIR}fake_worldserver`;
  const [command = binary, ...prefix] = wrapper.length ? wrapper : [binary];
  const child = spawn(command, wrapper.length ? [...prefix, binary, ...args] : args, { env: { ...process.env, ...env } });
  const events: WorldEvent[] = [];
  const waiters = new Set<() => void>();
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const event = parse(line);
    if (!event) return;
    events.push(event);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    process: child,
    command: (line) => child.stdin.write(`${line}\n`),
    stderr: () => errors,
    exited,
    next(name, where = () => true, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const index = events.findIndex((event) => event.name === name && where(event.fields));
          if (index < 0) return false;
          const [event] = events.splice(index, 1);
          if (event) resolve(event);
          return true;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ${name} event within ${timeoutMs} ms; stderr:\n${errors}`));
        }, timeoutMs);
        const wake = (): void => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
      });
    },
  };
}
