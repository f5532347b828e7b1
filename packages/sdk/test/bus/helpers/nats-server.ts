/** The shared NATS server (with JetStream) the test environment provides. */
export const SHARED_NATS_URL = "nats://127.0.0.1:4222";

/** A subject prefix unique to one test file run, so parallel files never see each other's messages. */
export function uniquePrefix(label: string): string {
  return `t_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}.`;
}
