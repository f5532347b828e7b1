/** The shared NATS server (with JetStream) the test environment provides. */
export const SHARED_NATS_URL = "nats://127.0.0.1:4222";
