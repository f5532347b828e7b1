import type { Bus, EventDef, Subscription } from "@tc9/sdk";
import { eventually } from "@tc9/sdk/testing";

export { eventually };

/** Collects the payloads of one event on a bus and waits for the ones a test expects. */
export class EventRecorder<P> {
  readonly received: P[] = [];
  #subscription: Subscription | undefined;
  #waiters: Array<() => void> = [];

  static async on<P, K extends string>(bus: Bus, event: EventDef<P, K>): Promise<EventRecorder<P>> {
    const recorder = new EventRecorder<P>();
    recorder.#subscription = await bus.subscribe(event, (payload) => {
      recorder.received.push(payload);
      for (const wake of recorder.#waiters.splice(0)) wake();
    });
    return recorder;
  }

  /** The first received payload matching `predicate`, waiting up to `timeoutMs` for it. */
  async next(predicate: (payload: P) => boolean, timeoutMs = 5_000): Promise<P> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(this.received, bigintJson)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await this.#subscription?.unsubscribe();
  }
}

function bigintJson(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

