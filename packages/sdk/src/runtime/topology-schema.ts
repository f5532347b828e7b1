import { z } from "zod";
import { isModuleDefinition, type AnyModule } from "./module.js";

const port = z.number().int().min(0).max(65535);
const listenAddress = z.strictObject({
  host: z.string().min(1).default("127.0.0.1"),
  port: port.default(0),
});
const mysqlUrl = z
  .string()
  .regex(/^mysql:\/\/.+/, "must be a mysql:// URL, e.g. mysql://root@127.0.0.1:3306/acore_characters");

const moduleRef = z.union([
  z.string().min(1),
  z.custom<AnyModule>(isModuleDefinition, "must be a module made with defineModule() or a module name"),
]);

const placement = z.union([moduleRef, z.strictObject({ module: moduleRef, options: z.unknown() })]);

export const topologySchema = z.strictObject({
  name: z.string().min(1).default("tc9"),
  realms: z
    .array(
      z.strictObject({
        id: z.number().int().min(1).max(255),
        name: z.string().min(1),
        databases: z.strictObject({ characters: mysqlUrl.optional(), world: mysqlUrl.optional() }).default({}),
      }),
    )
    .min(1, "a topology needs at least one realm"),
  databases: z.strictObject({ auth: mysqlUrl.optional() }).default({}),
  bus: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("local") }),
      z.strictObject({
        kind: z.literal("nats"),
        servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
        /** Prepended to every subject; isolates several clusters (or tests) on one NATS. */
        subjectPrefix: z.string().default(""),
      }),
    ])
    .default({ kind: "local" }),
  /** Modules that nodes may name by string (e.g. every module of @tc9/services). */
  modules: z.array(z.custom<AnyModule>(isModuleDefinition, "must be a module made with defineModule()")).default([]),
  nodes: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, "node names are lower-case, e.g. world-1"),
      z.strictObject({
        modules: z.array(placement).min(1, "a node hosts at least one module"),
        grpc: listenAddress.default({ host: "127.0.0.1", port: 0 }),
        http: listenAddress.default({ host: "127.0.0.1", port: 0 }),
      }),
    )
    .refine((nodes) => Object.keys(nodes).length > 0, "a topology needs at least one node"),
});

/** What `defineTopology` accepts. */
export type TopologyInput = z.input<typeof topologySchema>;
export type ParsedTopology = z.output<typeof topologySchema>;
