import { connect } from "nats";
import { streamNameFor } from "../../../src/bus/jetstream-support.js";

/** The shared NATS server (with JetStream) the test environment provides. */
export const SHARED_NATS_URL = "nats://127.0.0.1:4222";

/** A subject prefix unique to one test file run, so parallel files never see each other's messages. */
export function uniquePrefix(label: string): string {
  return `t_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}.`;
}

/** Deletes the JetStream stream a bus with this prefix may have created on the shared server. */
export async function deleteTestStream(prefix: string, url = SHARED_NATS_URL): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(streamNameFor(prefix)).catch(() => false);
  } finally {
    await nc.close();
  }
}
