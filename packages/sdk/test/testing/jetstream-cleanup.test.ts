/**
 * `deleteJetStreamState` on the shared NATS: it removes the durable-event stream and every KV
 * bucket one subject prefix made, and nothing of another prefix; `uniqueSubjectPrefix` makes
 * such prefixes.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { connect } from "nats";
import { createNatsBus, defineEvent, struct, u32 } from "../../src/bus/index.js";
import { streamNameFor } from "../../src/bus/jetstream-support.js";
import { deleteJetStreamState, uniqueSubjectPrefix } from "../../src/testing/jetstream-cleanup.js";
import { SHARED_NATS_URL } from "../bus/helpers/nats-server.js";

const noted = defineEvent({ subject: "tc9.test.cleanup.noted", type: 1, durable: true, payload: struct({ Seq: u32 }) });

async function streamNames(): Promise<string[]> {
  const nc = await connect({ servers: SHARED_NATS_URL });
  try {
    const names: string[] = [];
    for await (const name of (await nc.jetstreamManager()).streams.names()) names.push(name);
    return names;
  } finally {
    await nc.close();
  }
}

describe("deleteJetStreamState", () => {
  const mine = uniqueSubjectPrefix("cleanup");
  const other = uniqueSubjectPrefix("cleanup_other");
  after(async () => {
    await deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: mine });
    await deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: other });
  });

  it("deletes the prefix's event stream and buckets and keeps another prefix's", async () => {
    const bus = createNatsBus({ servers: SHARED_NATS_URL, name: "tc9-cleanup-test", subjectPrefix: mine });
    const neighbour = createNatsBus({ servers: SHARED_NATS_URL, name: "tc9-cleanup-test-other", subjectPrefix: other });
    try {
      await bus.publish(noted, { Seq: 1 });
      await bus.keyValue("one");
      await bus.keyValue("two-groups");
      await neighbour.keyValue("one");
    } finally {
      await Promise.all([bus.close(), neighbour.close()]);
    }
    const stream = streamNameFor(mine);
    const kept = `KV_${streamNameFor(other)}_one`;

    const deleted = await deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: mine });
    assert.deepEqual(deleted, [`KV_${stream}_one`, `KV_${stream}_two-groups`, stream]);
    const left = await streamNames();
    assert.deepEqual(left.filter((name) => name.includes(stream)), []);
    assert.ok(left.includes(kept), "the other prefix's bucket is still there");

    assert.deepEqual(await deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: mine }), [], "a second call finds nothing");
    assert.deepEqual(await deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: other }), [kept]);
  });

  it("refuses an empty prefix, which would name a real cluster's stream", async () => {
    await assert.rejects(deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: "" }), /needs the test's subjectPrefix/);
  });
});

describe("uniqueSubjectPrefix", () => {
  it("makes a new prefix of subject tokens ending in '.' on every call, with the label in it", () => {
    const first = uniqueSubjectPrefix("label-1");
    const second = uniqueSubjectPrefix("label-1");
    assert.match(first, /^t_label-1_\d+_[0-9a-f]+\.$/);
    assert.notEqual(first, second);
  });

  it("refuses a label that is not one subject token", () => {
    for (const label of ["", "a.b", "a b", "a*", "a>"]) {
      assert.throws(() => uniqueSubjectPrefix(label), /is not one subject token; use only letters, digits/, label);
    }
  });
});
