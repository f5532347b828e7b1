// @tc9/services — the cluster's modules (auth, gateway, registry, guid, characters, …), one folder
// each. `serviceModules` is the catalogue a topology can name modules from by string.
import type { AnyModule } from "@tc9/sdk";

/** Every module this package provides, for `defineTopology({ modules: serviceModules, … })`. */
export const serviceModules: readonly AnyModule[] = [];
