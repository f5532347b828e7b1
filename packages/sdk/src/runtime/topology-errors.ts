import { Tc9Error } from "../errors.js";

/**
 * Every way a module or topology can be wrong. Codes are stable; messages name the fix.
 * - TC9_ERR_MODULE_INVALID_NAME, TC9_ERR_MODULE_INVALID: a bad `defineModule` spec
 * - TC9_ERR_MODULE_UNDECLARED_USE: `ctx.use(C)` for a contract missing from the module's `uses`
 * - TC9_ERR_MODULE_OPTIONS: module options rejected by the module's schema
 * - TC9_ERR_TOPOLOGY_INVALID: the topology's shape (types, ranges, missing fields)
 * - TC9_ERR_TOPOLOGY_UNKNOWN_MODULE: a node names a module the topology does not know
 * - TC9_ERR_TOPOLOGY_DUPLICATE_MODULE: a module placed twice, or two modules with one name
 * - TC9_ERR_TOPOLOGY_CONTRACT_UNSERVED: a used contract that no node serves
 * - TC9_ERR_TOPOLOGY_CONTRACT_SERVED_TWICE: two modules serve one contract
 * - TC9_ERR_TOPOLOGY_PORT_CLASH: two listeners on one address
 * - TC9_ERR_TOPOLOGY_GRPC_PORT_REQUIRED: a node serves other nodes but has no fixed gRPC port
 * - TC9_ERR_TOPOLOGY_MISSING_DATABASE: a module needs a database the topology does not configure
 * - TC9_ERR_TOPOLOGY_LOCAL_BUS_SPLIT: modules with events spread over nodes on the in-process bus
 * - TC9_ERR_TOPOLOGY_CYCLE: modules that use each other's contracts in a cycle
 * - TC9_ERR_TOPOLOGY_UNKNOWN_NODE: starting a node the topology does not have
 */
export class TopologyError extends Tc9Error {}
