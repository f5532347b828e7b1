import { defineModule, RpcError, RpcStatus } from "@tc9/sdk";
import { CounterService, GreeterService } from "../generated/index.js";

/** The counter key the greeter numbers its visitors with. */
const VISITORS = "visitors";

/**
 * Serves `hello.v1.GreeterService`, numbering visitors with `hello.v1.CounterService`. Whether the
 * counter runs in this process or in another one is the topology's business, not this module's.
 */
export const greeter = defineModule({
  name: "greeter",
  serves: GreeterService,
  uses: [CounterService],
  async start(ctx) {
    const counter = ctx.use(CounterService);
    return {
      handlers: {
        async greet({ name }, call) {
          if (name.trim() === "") throw new RpcError(RpcStatus.INVALID_ARGUMENT, "name is empty; say who is visiting");
          const { value } = await counter.next({ key: VISITORS }, { signal: call.signal });
          return { greeting: `Hello, ${name}! You are visitor #${value}.` };
        },
      },
    };
  },
});
