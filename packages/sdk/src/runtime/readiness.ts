import type { Bus } from "../bus/index.js";
import type { ReadinessReport } from "../observability/health-server.js";
import type { NodeDatabases } from "./module-databases.js";
import type { AnyModule, ModuleContext, StartedModule } from "./module.js";

const checkTimeoutMs = 2_000;

interface ReadinessSubject {
  readonly module: AnyModule;
  readonly context: ModuleContext<unknown>;
  readonly instance: StartedModule | undefined;
}

/**
 * A node is ready when every module has started, the bus is connected, every database a module
 * declared answers a ping, and every module health check passes. Checks run in parallel, each
 * bounded by a timeout, so a hung dependency makes the node not-ready instead of hanging `/readyz`.
 */
export async function runReadinessChecks(input: {
  slots: readonly ReadinessSubject[];
  bus: Bus;
  databases: NodeDatabases;
}): Promise<ReadinessReport> {
  const checks: Array<Promise<{ name: string; ok: boolean; detail?: string }>> = [];
  checks.push(Promise.resolve({ name: "bus", ok: input.bus.ready(), ...(input.bus.ready() ? {} : { detail: "not connected" }) }));
  const declared = [...new Set(input.slots.flatMap((slot) => slot.module.databases))];
  for (const { label, db } of input.databases.resolve(declared)) {
    checks.push(probe(`database:${label}`, () => db.ping()));
  }
  for (const slot of input.slots) {
    const started = slot.instance !== undefined;
    checks.push(Promise.resolve({ name: `module:${slot.module.name}`, ok: started, ...(started ? {} : { detail: "starting" }) }));
    for (const check of slot.module.health) {
      checks.push(probe(`module:${slot.module.name}:${check.name}`, () => check.check(slot.context as never)));
    }
  }
  const results = await Promise.all(checks);
  return { ready: results.every((r) => r.ok), checks: results };
}

async function probe(name: string, run: () => Promise<void>): Promise<{ name: string; ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
  });
  try {
    await Promise.race([run(), timeout]);
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
