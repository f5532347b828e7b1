import type { Logger } from "pino";
import { runMigrations } from "../storage/index.js";
import type { NodeDatabases } from "./module-databases.js";
import type { AnyModule, ModuleContext, StartedModule } from "./module.js";

export interface RetryPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

const defaultRetry: RetryPolicy = { initialDelayMs: 250, maxDelayMs: 10_000 };

export interface ModuleStart {
  readonly module: AnyModule;
  readonly context: ModuleContext<unknown>;
  readonly databases: NodeDatabases;
  readonly applyMigrations: boolean;
  readonly retry: RetryPolicy | undefined;
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/**
 * Applies the module's migrations and starts it, retrying with exponential backoff until it
 * starts or the node stops (then resolves `undefined`). A database or bus that is down makes the
 * module wait here, while the node stays up and reports not-ready.
 */
export async function startModuleWithRetry(start: ModuleStart): Promise<StartedModule | undefined> {
  const policy = start.retry ?? defaultRetry;
  let delay = policy.initialDelayMs;
  for (let attempt = 1; !start.signal.aborted; attempt += 1) {
    try {
      if (start.applyMigrations) await migrate(start);
      // The context's option type is the module's own; the node validated it against the schema.
      const instance = await start.module.start(start.context as never);
      start.logger.info({ attempt }, "module started");
      return instance;
    } catch (error) {
      if (start.signal.aborted) return undefined;
      start.logger.warn({ err: error, attempt, retryInMs: delay }, "module could not start; retrying");
      await sleep(delay, start.signal);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
  return undefined;
}

async function migrate(start: ModuleStart): Promise<void> {
  for (const source of start.module.migrations) {
    for (const { db } of start.databases.resolve([source.kind])) {
      await runMigrations(db, { kind: source.kind, dir: source.dir });
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
