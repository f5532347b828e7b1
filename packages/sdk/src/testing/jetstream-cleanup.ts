import { randomBytes } from "node:crypto";
import { connect } from "nats";
import { isNotFound, streamNameFor } from "../bus/jetstream-support.js";

/**
 * A NATS subject prefix no other test run shares, `t_<label>_<pid>_<random>.` (ending in "." as a
 * bus's `subjectPrefix` must), so parallel test files never see each other's messages, streams or
 * key-value buckets; pass the same prefix to {@link deleteJetStreamState} afterwards. `label`
 * names the test in the prefix and must be letters, digits, `_` or `-` (one subject token).
 */
export function uniqueSubjectPrefix(label: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(label)) {
    throw new Error(`uniqueSubjectPrefix label "${label}" is not one subject token; use only letters, digits, "_" and "-"`);
  }
  return `t_${label}_${process.pid}_${randomBytes(3).toString("hex")}.`;
}

/** Where the JetStream state to delete lives: the NATS server and the bus's subject prefix. */
export interface JetStreamCleanupOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  readonly servers: string | readonly string[];
  /** The `subjectPrefix` the test's buses (and nodes' `bus`) used; never empty. */
  readonly subjectPrefix: string;
}

/**
 * Deletes every JetStream stream a NATS bus with `subjectPrefix` made: its durable-event stream
 * and every key-value bucket it opened (whatever the bucket names, e.g. the registry's four), so
 * a test leaves nothing on a NATS server that persists to disk and is shared by later runs. Call
 * it after the nodes and buses using the prefix are stopped (a running registry would make its
 * buckets again). Returns the names of the deleted streams, sorted (none when nothing was made).
 */
export async function deleteJetStreamState(options: JetStreamCleanupOptions): Promise<string[]> {
  if (options.subjectPrefix === "") {
    throw new Error("deleteJetStreamState needs the test's subjectPrefix; an empty prefix would name a real cluster's stream and buckets");
  }
  const stream = streamNameFor(options.subjectPrefix);
  const owned = (name: string): boolean => name === stream || name.startsWith(`KV_${stream}_`);
  const nc = await connect({ servers: typeof options.servers === "string" ? options.servers : [...options.servers], name: "tc9-test-cleanup" });
  try {
    const jsm = await nc.jetstreamManager();
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (owned(name)) names.push(name);
    for (const name of names) {
      await jsm.streams.delete(name).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
    return names.sort();
  } finally {
    await nc.close();
  }
}
