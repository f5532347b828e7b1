// @tc9/sdk — the public surface. Every exported name is listed here; nothing is re-exported wholesale.

// Errors
export { Tc9Error, isTc9Error } from "./errors.js";

// Contracts
export type {
  AnyMethod,
  CallContext,
  CallOptions,
  Client,
  Contract,
  Handlers,
  MessageInit,
  MessageType,
  Method,
  RequestOf,
  ResponseOf,
} from "./contracts/contract.js";
export { defineContract } from "./contracts/contract.js";

// Module runtime
export type {
  AnyModule,
  DatabaseKind,
  HealthCheck,
  MigrationSource,
  ModuleContext,
  ModuleDefinition,
  ModuleEvents,
  ModuleInstance,
  ModuleSpec,
  RealmInfo,
} from "./runtime/module.js";
export { defineModule } from "./runtime/module.js";
export type { TopologyInput } from "./runtime/topology-schema.js";
export type { BusConfig, ListenAddress, NodeConfig, PlacedModule, RealmConfig, Topology } from "./runtime/topology.js";
export { defineTopology } from "./runtime/topology.js";
export { TopologyError } from "./runtime/topology-errors.js";
export type { RunningNode, StartNodeOptions } from "./runtime/node.js";
export { startNode } from "./runtime/node.js";
export { runNode } from "./runtime/run-node.js";
export type { RetryPolicy } from "./runtime/module-starter.js";
export type { ModuleDatabases } from "./runtime/module-databases.js";
export { RpcError, RpcStatus, rpcStatusName } from "./runtime/rpc-error.js";
export type { GrpcClientHandle } from "./runtime/bindings/grpc-client.js";
export { createGrpcClient } from "./runtime/bindings/grpc-client.js";

// Observability
export type { Logger, LoggerSettings } from "./observability/logger.js";
export { createLogger } from "./observability/logger.js";
export type { ReadinessReport } from "./observability/health-server.js";
export { NodeMetrics } from "./observability/node-metrics.js";

// Contracts on the wire
export { ContractDecodeError } from "./contracts/errors.js";
export type { GrpcServiceDefinition } from "./contracts/grpc.js";
export { toGrpcServiceDefinition } from "./contracts/grpc.js";

// Bus, storage: each area's index is itself a curated list of names.
export * from "./bus/index.js";
export * from "./storage/index.js";

// Crossrealm identity: realm-qualified player GUIDs and arena team ids.
export * from "./identity/index.js";
