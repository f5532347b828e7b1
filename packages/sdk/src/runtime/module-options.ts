import { z } from "zod";
import type { AnyModule } from "./module.js";
import { TopologyError } from "./topology-errors.js";

/** Validates a module's options from the topology against the module's own schema. */
export function validateModuleOptions(module: AnyModule, options: unknown): unknown {
  if (!module.options) {
    if (options !== undefined) {
      throw new TopologyError(
        "TC9_ERR_MODULE_OPTIONS",
        `module "${module.name}" takes no options, but the topology gives it some; remove them`,
      );
    }
    return undefined;
  }
  const result = module.options.safeParse(options);
  if (!result.success) {
    throw new TopologyError(
      "TC9_ERR_MODULE_OPTIONS",
      `the options of module "${module.name}" are not valid:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}
