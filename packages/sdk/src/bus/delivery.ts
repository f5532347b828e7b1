import type { BusObserver, EventHandler, RawHandler, SubscribeOptions } from "./bus.js";
import { BusDefinitionError } from "./errors.js";
import type { EventDef } from "./event.js";
import type { SubjectParams } from "./subject-template.js";

/** What became of one message handed to a subscriber. */
export type DeliveryOutcome = "handled" | "undecodable" | "failed";

/** The observer with every hook present and none able to throw into the bus. */
export type SafeObserver = Required<BusObserver>;

/** Wraps an optional observer so every hook exists and a throwing hook is ignored. */
export function safeObserver(observer: BusObserver | undefined): SafeObserver {
  const call =
    <A extends unknown[]>(hook: ((...args: A) => void) | undefined) =>
    (...args: A): void => {
      try {
        hook?.apply(observer, args);
      } catch {
        // An observer is telemetry; its failure must not change delivery.
      }
    };
  return {
    published: call(observer?.published),
    delivered: call(observer?.delivered),
    decodeFailed: call(observer?.decodeFailed),
    handlerFailed: call(observer?.handlerFailed),
    connectionChanged: call(observer?.connectionChanged),
    transportFailed: call(observer?.transportFailed),
  };
}

const NAME = /^[A-Za-z0-9_-]+$/;
const QUEUE = /^[^\s]+$/;

/** Checks subscription options against the event; throws {@link BusDefinitionError}. */
export function checkSubscribeOptions<P, K extends string>(
  event: EventDef<P, K>,
  options: SubscribeOptions<K>,
): void {
  const name = event.subject.template;
  if (options.durable !== undefined) {
    if (!event.durable) {
      throw new BusDefinitionError(
        `cannot subscribe durably to ${name}: it is not a durable event; define it with durable: true (under tc9.) or drop the durable option`,
      );
    }
    if (!NAME.test(options.durable)) {
      throw new BusDefinitionError(`durable name "${options.durable}" may hold only letters, digits, "_" and "-"`);
    }
    if (options.queue !== undefined) {
      throw new BusDefinitionError(
        `subscription to ${name} sets both queue and durable; subscribers sharing a durable name already share its messages, drop queue`,
      );
    }
  }
  if (options.queue !== undefined) checkQueueName(options.queue);
}

/** Checks a queue group name; throws {@link BusDefinitionError}. */
export function checkQueueName(queue: string): void {
  if (!QUEUE.test(queue)) throw new BusDefinitionError(`queue group "${queue}" must be non-empty without spaces`);
}

/** Decodes a body and runs a typed handler on it, reporting to the observer. */
export async function deliverEvent<P, K extends string>(
  event: EventDef<P, K>,
  handler: EventHandler<P, K>,
  body: Uint8Array,
  subject: string,
  observer: SafeObserver,
): Promise<DeliveryOutcome> {
  let payload: P;
  try {
    payload = event.decode(body);
  } catch (error) {
    observer.decodeFailed(subject, error);
    return "undecodable";
  }
  const params = event.subject.extract(subject) ?? ({} as SubjectParams<K>);
  observer.delivered(subject);
  try {
    await handler(payload, { subject, params });
    return "handled";
  } catch (error) {
    observer.handlerFailed(subject, error);
    return "failed";
  }
}

/** Runs a raw handler on a body, reporting to the observer. */
export async function deliverRaw(
  handler: RawHandler,
  body: Uint8Array,
  subject: string,
  observer: SafeObserver,
): Promise<DeliveryOutcome> {
  observer.delivered(subject);
  try {
    await handler(body, subject);
    return "handled";
  } catch (error) {
    observer.handlerFailed(subject, error);
    return "failed";
  }
}
