/**
 * The NATS bus against a private nats-server that the test stops and starts (never the shared
 * server): readiness follows the server, and durable events survive restarts exactly once.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createNatsBus, defineEvent, groupDisband, nilSlice, struct, u32, type Bus } from "../../src/bus/index.js";
import { PrivateNatsServer } from "@tc9/sdk/testing";
import { RecordingObserver } from "./helpers/recording-observer.js";
import { delay, waitFor } from "./helpers/wait.js";

const ledgerEntry = defineEvent({
  subject: "tc9.test.ledger.entry",
  type: 1,
  durable: true,
  payload: struct({ Seq: u32 }),
});

describe("nats bus across server restarts", () => {
  let server: PrivateNatsServer;
  const buses: Bus[] = [];
  const open = (observer = new RecordingObserver()): Bus => {
    const bus = createNatsBus({
      servers: server.url,
      name: "tc9-bus-restart",
      observer,
      reconnectWaitMs: 100,
      requestTimeoutMs: 1000,
      ackWaitMs: 1000,
      redeliveryDelayMs: 50,
    });
    buses.push(bus);
    return bus;
  };

  before(async () => {
    server = await PrivateNatsServer.create();
  });
  after(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await server.dispose();
  });

  it("is not ready while the server is down and becomes ready when it starts", async () => {
    const observer = new RecordingObserver();
    const bus = open(observer);
    const received: bigint[] = [];
    await bus.subscribe(groupDisband, (p) => void received.push(p.GroupID));
    await delay(300);
    assert.equal(bus.ready(), false);
    assert.deepEqual(observer.connectionChanges, []);
    assert.deepEqual(observer.transportFailures, ["connect"]);
    await server.start();
    await waitFor("the bus to connect", () => bus.ready());
    assert.deepEqual(observer.connectionChanges, [true]);
    await bus.publish(groupDisband, { ServiceID: "s", RealmID: 1, GroupID: 5n, OnlineMembers: nilSlice() });
    await waitFor("the subscription made while down to work", () => received.length === 1);
  });

  it("loses and duplicates no durable event while the server restarts mid-stream", async () => {
    const consumerObserver = new RecordingObserver();
    const producer = open();
    const consumer = open(consumerObserver);
    await waitFor("both buses to connect", () => producer.ready() && consumer.ready());
    const deliveries = new Map<number, number>();
    await consumer.subscribe(ledgerEntry, (p) => void deliveries.set(p.Seq, (deliveries.get(p.Seq) ?? 0) + 1), {
      durable: "ledger",
    });

    const total = 150;
    const published: Promise<void>[] = [];
    for (let seq = 1; seq <= total; seq++) {
      published.push(producer.publish(ledgerEntry, { Seq: seq }));
      if (seq === 50) await server.stop();
      if (seq === 80) await server.start();
      if (seq === 110) {
        await server.stop();
        await server.start();
      }
      await delay(2);
    }
    await Promise.all(published);
    await waitFor("every durable event", () => deliveries.size === total, 30_000);
    await delay(300);
    assert.equal(deliveries.size, total);
    assert.deepEqual([...deliveries.values()].filter((count) => count !== 1), []);
    assert.ok(consumerObserver.connectionChanges.includes(false), "the consumer saw the outage");
    assert.equal(consumer.ready(), true);
  });

  it("replays durable events to a restarted receiver process", async () => {
    const producer = open();
    const first = open();
    await waitFor("both buses to connect", () => producer.ready() && first.ready());
    const before: number[] = [];
    await first.subscribe(ledgerEntry, (p) => void before.push(p.Seq), { durable: "ledger-restart" });
    await producer.publish(ledgerEntry, { Seq: 1 });
    await waitFor("the first event", () => before.length === 1);
    await first.close();

    await producer.publish(ledgerEntry, { Seq: 2 });
    await producer.publish(ledgerEntry, { Seq: 3 });
    const second = open();
    await waitFor("the new receiver to connect", () => second.ready());
    const afterRestart: number[] = [];
    await second.subscribe(ledgerEntry, (p) => void afterRestart.push(p.Seq), { durable: "ledger-restart" });
    await waitFor("the replayed events", () => afterRestart.length === 2);
    assert.deepEqual(before, [1]);
    assert.deepEqual(afterRestart, [2, 3]);
  });
});
