import type { ZodType } from "zod";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import type { Client, Contract, Handlers } from "../contracts/contract.js";
import type { Bus, EventDef } from "../bus/index.js";
import type { ModuleDatabases } from "./module-databases.js";
import { TopologyError } from "./topology-errors.js";

/** The AzerothCore databases a module can ask for. `auth` is realm-wide, the others per realm. */
export type DatabaseKind = "auth" | "characters" | "world";

/** A folder of tc9 SQL migrations and the database kind they apply to. */
export interface MigrationSource {
  readonly kind: "auth" | "characters";
  /** Absolute path of the folder holding `NNNN_description.sql` files. */
  readonly dir: string;
}

export interface RealmInfo {
  readonly id: number;
  readonly name: string;
}

/** Everything a module gets when it starts. */
export interface ModuleContext<Options = undefined> {
  readonly module: string;
  readonly node: string;
  /** The module's options from the topology, validated by its `options` schema. */
  readonly options: Options;
  readonly logger: Logger;
  /** The node's prom-client registry: register the module's own counters and gauges here. */
  readonly metrics: Registry;
  readonly bus: Bus;
  readonly realms: readonly RealmInfo[];
  readonly databases: ModuleDatabases;
  /**
   * A typed client for a contract this module declared in `uses`: direct calls when the serving
   * module lives in this node, gRPC otherwise. The interface is the same either way.
   */
  use<C extends Contract>(contract: C): Client<C>;
  /** Aborted when the node begins to stop. */
  readonly signal: AbortSignal;
}

/** A named probe; `check` throws (or rejects) when the module is not ready to serve. */
export interface HealthCheck<Options = undefined> {
  readonly name: string;
  check(ctx: ModuleContext<Options>): Promise<void>;
}

/** Any event definition, whatever its payload and subject parameters. */
export type AnyEventDef = EventDef<unknown, string>;

export interface ModuleEvents {
  readonly publishes?: readonly AnyEventDef[];
  readonly subscribes?: readonly AnyEventDef[];
}

/** What `start` returns: the contract implementation (when the module serves one) and `stop`. */
export type ModuleInstance<S extends Contract | undefined> = (S extends Contract
  ? { readonly handlers: Handlers<S> }
  : { readonly handlers?: undefined }) & {
  /** Called once when the node stops, after in-flight calls into this module drained. */
  stop?(): Promise<void>;
  /**
   * What the module wants operators and tests to see, e.g. the address a socket server bound:
   * shown on `/healthz` and returned by `RunningNode.moduleInfo(name)`.
   */
  info?(): Record<string, unknown>;
};

export interface ModuleSpec<S extends Contract | undefined, Options> {
  /** Lower-case kebab name, unique in a topology, e.g. `guid` or `guild-bank`. */
  readonly name: string;
  /** The contract this module implements, if any. */
  readonly serves?: S;
  /** Contracts this module calls through `ctx.use`. */
  readonly uses?: readonly Contract[];
  readonly events?: ModuleEvents;
  /** Databases this module opens; the topology must configure them. */
  readonly databases?: readonly DatabaseKind[];
  readonly migrations?: readonly MigrationSource[];
  readonly health?: readonly HealthCheck<Options>[];
  /** Schema of the module's options in the topology; validated when the node starts. */
  readonly options?: ZodType<Options>;
  start(ctx: ModuleContext<Options>): Promise<ModuleInstance<S>>;
}

/** A validated module, ready to be placed on a node. */
export interface ModuleDefinition<S extends Contract | undefined = Contract | undefined, Options = unknown> {
  readonly kind: "tc9.module";
  readonly name: string;
  readonly serves: S;
  readonly uses: readonly Contract[];
  readonly events: ModuleEvents;
  readonly databases: readonly DatabaseKind[];
  readonly migrations: readonly MigrationSource[];
  readonly health: readonly HealthCheck<Options>[];
  readonly options: ZodType<Options> | undefined;
  start(ctx: ModuleContext<Options>): Promise<ModuleInstance<S>>;
}

/**
 * Any module, whatever it serves and whatever options it takes: the structural view the runtime
 * works with. (`start` and `check` take `never` so that every module's context type fits.)
 */
export interface AnyModule {
  readonly kind: "tc9.module";
  readonly name: string;
  readonly serves: Contract | undefined;
  readonly uses: readonly Contract[];
  readonly events: ModuleEvents;
  readonly databases: readonly DatabaseKind[];
  readonly migrations: readonly MigrationSource[];
  readonly health: ReadonlyArray<{ readonly name: string; check(ctx: never): Promise<void> }>;
  readonly options: ZodType<unknown> | undefined;
  start(ctx: never): Promise<StartedModule>;
}

/** A started module as the runtime holds it: its handlers (if it serves a contract) and stop. */
export interface StartedModule {
  readonly handlers?: unknown;
  stop?(): Promise<void>;
  info?(): Record<string, unknown>;
}

const moduleName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares one cluster capability. The metadata is checked here (coded errors that name the fix);
 * the placement against other modules is checked when a topology is defined.
 */
export function defineModule<S extends Contract | undefined = undefined, Options = undefined>(
  spec: ModuleSpec<S, Options>,
): ModuleDefinition<S, Options> {
  if (typeof spec.name !== "string" || !moduleName.test(spec.name)) {
    throw new TopologyError(
      "TC9_ERR_MODULE_INVALID_NAME",
      `module name ${JSON.stringify(spec.name)} is not lower-case kebab-case; use a name like "guild-bank"`,
    );
  }
  if (typeof spec.start !== "function") {
    throw new TopologyError("TC9_ERR_MODULE_INVALID", `module "${spec.name}" has no start(ctx) function; add one`);
  }
  const uses = spec.uses ?? [];
  if (spec.serves && uses.includes(spec.serves)) {
    throw new TopologyError(
      "TC9_ERR_MODULE_INVALID",
      `module "${spec.name}" both serves and uses ${spec.serves.fullName}; call your own handlers directly instead`,
    );
  }
  return {
    kind: "tc9.module",
    name: spec.name,
    serves: spec.serves as S,
    uses,
    events: spec.events ?? {},
    databases: spec.databases ?? [],
    migrations: spec.migrations ?? [],
    health: spec.health ?? [],
    options: spec.options,
    start: spec.start,
  };
}

export function isModuleDefinition(value: unknown): value is AnyModule {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "tc9.module";
}
