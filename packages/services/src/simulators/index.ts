// The simulators module: simulated worldservers registered with the topology's servers registry.
export { simulatorsModule } from "./simulators-module.js";
export { simulatorsOptionsSchema, type SimulatorsOptions, type SimulatorsOptionsInput } from "./simulators-options.js";
