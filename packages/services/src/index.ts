// @tc9/services — the cluster's modules, one folder each. `serviceModules` is the catalogue a
// topology can name modules from by string.
import type { AnyModule } from "@tc9/sdk";
import { authModule } from "./auth/index.js";
import { charactersModule } from "./characters/index.js";
import { gatewayModule } from "./gateway/index.js";
import { guidModule } from "./guid/index.js";
import { registryModule } from "./registry/index.js";
import { simulatorsModule } from "./simulators/index.js";

export * from "./auth/index.js";
export * from "./characters/index.js";
export * from "./embedded/index.js";
export * from "./gateway/index.js";
export * from "./guid/index.js";
export * from "./registry/index.js";
export * from "./simulators/index.js";

/** Every module this package provides, for `defineTopology({ modules: serviceModules, … })`. */
export const serviceModules: readonly AnyModule[] = [authModule, charactersModule, gatewayModule, guidModule, registryModule, simulatorsModule];
