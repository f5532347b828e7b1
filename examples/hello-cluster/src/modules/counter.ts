import { defineModule } from "@tc9/sdk";
import { CounterService } from "../generated/index.js";

/** Serves `hello.v1.CounterService` from memory: each key counts 1, 2, 3, … for the node's lifetime. */
export const counter = defineModule({
  name: "counter",
  serves: CounterService,
  async start() {
    const lastValues = new Map<string, bigint>();
    return {
      handlers: {
        async next({ key }) {
          const value = (lastValues.get(key) ?? 0n) + 1n;
          lastValues.set(key, value);
          return { value };
        },
      },
    };
  },
});
