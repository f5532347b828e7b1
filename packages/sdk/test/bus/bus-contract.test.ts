/**
 * The one contract every bus implementation meets, run against the in-process bus and against
 * the NATS bus on the shared server (isolated by a subject prefix and its own JetStream stream).
 */
import assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import {
  BusErrorCode,
  createLocalBus,
  createNatsBus,
  defineEvent,
  isGoNil,
  nilSlice,
  struct,
  u32,
  chatIncomingWhisper,
  groupDisband,
  type Bus,
  type ChatIncomingWhisper,
  type GroupDisband,
} from "../../src/bus/index.js";
import { deleteJetStreamState, uniqueSubjectPrefix } from "../../src/testing/jetstream-cleanup.js";
import { SHARED_NATS_URL } from "./helpers/nats-server.js";
import { RecordingObserver } from "./helpers/recording-observer.js";
import { delay, waitFor } from "./helpers/wait.js";

/** A tc9-own durable test event. */
const auditRecorded = defineEvent({
  subject: "tc9.test.audit.recorded",
  type: 1,
  durable: true,
  payload: struct({ Seq: u32 }),
});

interface Implementation {
  readonly name: string;
  open(observer: RecordingObserver): Promise<Bus>;
  dispose(): Promise<void>;
}

const local: Implementation = {
  name: "local",
  open: async (observer) => createLocalBus({ observer, redeliveryDelayMs: 50 }),
  dispose: async () => undefined,
};

const natsPrefix = uniqueSubjectPrefix("contract");
const nats: Implementation = {
  name: "nats",
  open: async (observer) => {
    const bus = createNatsBus({
      servers: SHARED_NATS_URL,
      name: "tc9-bus-contract",
      observer,
      subjectPrefix: natsPrefix,
      redeliveryDelayMs: 50,
      reconnectWaitMs: 200,
    });
    await waitFor("the NATS bus to connect", () => bus.ready());
    return bus;
  },
  dispose: async () => {
    await deleteJetStreamState({ servers: SHARED_NATS_URL, subjectPrefix: natsPrefix });
  },
};

function disband(groupID: bigint, members: bigint[] = nilSlice()): GroupDisband {
  return { ServiceID: "svc-1", RealmID: 1, GroupID: groupID, OnlineMembers: members };
}

function whisper(msg: string): ChatIncomingWhisper {
  return {
    SenderRealmID: 1,
    SenderGUID: 7n,
    SenderName: "Jaina",
    SenderRace: 1,
    SenderClass: 8,
    SenderGender: 1,
    SenderChatTag: 0,
    ReceiverRealmID: 1,
    ReceiverGUID: 9n,
    ReceiverName: "Thrall",
    Language: 7,
    Msg: msg,
  };
}

for (const implementation of [local, nats]) {
  describe(`bus contract: ${implementation.name}`, () => {
    const buses: Bus[] = [];
    const open = async (observer = new RecordingObserver()): Promise<{ bus: Bus; observer: RecordingObserver }> => {
      const bus = await implementation.open(observer);
      buses.push(bus);
      return { bus, observer };
    };

    afterEach(async () => {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });
    after(() => implementation.dispose());

    it("delivers a published event decoded, with its subject, and reports it", async () => {
      const { bus, observer } = await open();
      assert.equal(bus.ready(), true);
      const received: { payload: GroupDisband; subject: string }[] = [];
      await bus.subscribe(groupDisband, (payload, context) => {
        received.push({ payload, subject: context.subject });
      });
      const sent = disband(2n ** 63n + 5n);
      await bus.publish(groupDisband, sent);
      await waitFor("the event", () => received.length === 1);
      assert.deepEqual(received[0], { payload: sent, subject: "group.disband" });
      assert.equal(isGoNil(received[0]?.payload.OnlineMembers ?? []), true, "a nil slice stays nil");
      await waitFor("the delivered report", () => observer.deliveredSubjects.length === 1);
      assert.deepEqual(observer.publishedSubjects, ["group.disband"]);
      assert.deepEqual(observer.deliveredSubjects, ["group.disband"]);
    });

    it("routes parameterised subjects by parameter, and by wildcard with the parameters read back", async () => {
      const { bus } = await open();
      const toGw1: string[] = [];
      const toAny: string[] = [];
      await bus.subscribe(chatIncomingWhisper, (p) => void toGw1.push(p.Msg), { params: { gatewayID: "gw-1" } });
      const all = await bus.subscribe(chatIncomingWhisper, (p, context) => {
        toAny.push(`${context.params.gatewayID}:${p.Msg}`);
      });
      assert.equal(all.subject, "chat.gw.*.income.whisper");
      await bus.publish(chatIncomingWhisper, whisper("one"), { gatewayID: "gw-1" });
      await bus.publish(chatIncomingWhisper, whisper("two"), { gatewayID: "gw-2" });
      await waitFor("both whispers on the wildcard", () => toAny.length === 2);
      await delay(50);
      assert.deepEqual(toGw1, ["one"]);
      assert.deepEqual(toAny.sort(), ["gw-1:one", "gw-2:two"]);
      // @ts-expect-error a subject with parameters cannot be published without them
      const missingParams = (): Promise<void> => bus.publish(chatIncomingWhisper, whisper("none"));
      await assert.rejects(missingParams(), (error: { code?: string }) => error.code === BusErrorCode.Definition);
      await assert.rejects(
        bus.publish(chatIncomingWhisper, whisper("bad"), { gatewayID: "a.b" }),
        (error: { code?: string }) => error.code === BusErrorCode.Definition,
      );
    });

    it("gives each message to exactly one member of a queue group", async () => {
      const { bus } = await open();
      const members = [[], [], []] as bigint[][];
      const everyone: bigint[] = [];
      for (const member of members) {
        await bus.subscribe(groupDisband, (p) => void member.push(p.GroupID), { queue: "group-workers" });
      }
      await bus.subscribe(groupDisband, (p) => void everyone.push(p.GroupID));
      for (let i = 1n; i <= 30n; i++) await bus.publish(groupDisband, disband(i));
      await waitFor("all 30 events on the plain subscriber", () => everyone.length === 30);
      await waitFor("all 30 events in the queue group", () => members.flat().length >= 30);
      await delay(50);
      const queued = members.flat().sort((a, b) => Number(a - b));
      assert.deepEqual(queued, everyone.sort((a, b) => Number(a - b)));
      assert.ok(members.filter((m) => m.length > 0).length >= 2, "the group shares the work");
    });

    it("keeps a subscription running after its handler throws, and reports the failure", async () => {
      const { bus, observer } = await open();
      const handled: bigint[] = [];
      await bus.subscribe(groupDisband, async (p) => {
        if (p.GroupID === 1n) throw new Error("handler broke");
        handled.push(p.GroupID);
      });
      await bus.publish(groupDisband, disband(1n));
      await bus.publish(groupDisband, disband(2n));
      await waitFor("the second event", () => handled.length === 1);
      assert.deepEqual(handled, [2n]);
      assert.equal(observer.handlerFailures.length, 1);
      assert.equal(observer.handlerFailures[0]?.subject, "group.disband");
    });

    it("reports an undecodable message, skips it and keeps delivering", async () => {
      const { bus, observer } = await open();
      const handled: bigint[] = [];
      await bus.subscribe(groupDisband, (p) => void handled.push(p.GroupID));
      const encoder = new TextEncoder();
      await bus.publishRaw("group.disband", encoder.encode("not json"));
      await bus.publishRaw("group.disband", encoder.encode('{"v":"0.0.1","t":5,"p":{"GroupID":"seven"}}'));
      await bus.publish(groupDisband, disband(3n));
      await waitFor("the valid event", () => handled.length === 1);
      assert.deepEqual(handled, [3n]);
      assert.equal(observer.decodeFailures.length, 2);
      for (const failure of observer.decodeFailures) {
        assert.equal(failure.subject, "group.disband");
        assert.equal((failure.error as { code?: string }).code, BusErrorCode.Decode);
      }
    });

    it("stops delivering after unsubscribe", async () => {
      const { bus } = await open();
      const first: bigint[] = [];
      const sentinel: bigint[] = [];
      const subscription = await bus.subscribe(groupDisband, (p) => void first.push(p.GroupID));
      await bus.subscribe(groupDisband, (p) => void sentinel.push(p.GroupID));
      await bus.publish(groupDisband, disband(1n));
      await waitFor("the first event on both", () => first.length === 1 && sentinel.length === 1);
      await subscription.unsubscribe();
      await bus.publish(groupDisband, disband(2n));
      await waitFor("the second event on the sentinel", () => sentinel.length === 2);
      await delay(50);
      assert.deepEqual(first, [1n]);
    });

    it("delivers asynchronously, one message at a time, in publish order", async () => {
      const { bus } = await open();
      const order: bigint[] = [];
      let inPublish = false;
      let running = 0;
      let mostAtOnce = 0;
      let calledInsidePublish = false;
      await bus.subscribe(groupDisband, async (p) => {
        calledInsidePublish ||= inPublish;
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await delay(3);
        order.push(p.GroupID);
        running--;
      });
      for (let i = 1n; i <= 10n; i++) {
        inPublish = true;
        const published = bus.publish(groupDisband, disband(i));
        inPublish = false;
        await published;
      }
      await waitFor("ten events", () => order.length === 10);
      assert.deepEqual(order, [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n]);
      assert.equal(mostAtOnce, 1);
      assert.equal(calledInsidePublish, false);
    });

    it("keeps durable events while the durable subscriber is away and replays them when it returns", async () => {
      const { bus } = await open();
      const seen: number[] = [];
      const handler = (p: { Seq: number }): void => void seen.push(p.Seq);
      const first = await bus.subscribe(auditRecorded, handler, { durable: "audit-replay" });
      await bus.publish(auditRecorded, { Seq: 1 });
      await waitFor("the first durable event", () => seen.length === 1);
      await first.unsubscribe();
      await bus.publish(auditRecorded, { Seq: 2 });
      await bus.publish(auditRecorded, { Seq: 3 });
      await delay(50);
      assert.deepEqual(seen, [1]);
      await bus.subscribe(auditRecorded, handler, { durable: "audit-replay" });
      await waitFor("the replayed events", () => seen.length === 3);
      await delay(50);
      assert.deepEqual(seen, [1, 2, 3]);
    });

    it("redelivers a durable event whose handler threw", async () => {
      const { bus, observer } = await open();
      const attempts: number[] = [];
      const done: number[] = [];
      await bus.subscribe(
        auditRecorded,
        (p) => {
          attempts.push(p.Seq);
          if (attempts.length === 1) throw new Error("not yet");
          done.push(p.Seq);
        },
        { durable: "audit-retry" },
      );
      await bus.publish(auditRecorded, { Seq: 7 });
      await waitFor("the redelivery", () => done.length === 1);
      assert.deepEqual(attempts, [7, 7]);
      assert.equal(observer.handlerFailures.length, 1);
    });

    it("shares durable events among subscribers with the same durable name", async () => {
      const { bus } = await open();
      const a: number[] = [];
      const b: number[] = [];
      await bus.subscribe(auditRecorded, (p) => void a.push(p.Seq), { durable: "audit-shared" });
      await bus.subscribe(auditRecorded, (p) => void b.push(p.Seq), { durable: "audit-shared" });
      for (let seq = 1; seq <= 20; seq++) await bus.publish(auditRecorded, { Seq: seq });
      await waitFor("twenty durable events", () => a.length + b.length >= 20);
      await delay(50);
      assert.deepEqual([...a, ...b].sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("refuses a durable subscription to a core event, and queue together with durable", async () => {
      const { bus } = await open();
      const isDefinitionError = (error: { code?: string }) => error.code === BusErrorCode.Definition;
      await assert.rejects(bus.subscribe(groupDisband, () => undefined, { durable: "x" }), isDefinitionError);
      await assert.rejects(
        bus.subscribe(auditRecorded, () => undefined, { durable: "x", queue: "q" }),
        isDefinitionError,
      );
    });

    it("carries raw bodies to wildcard subscriptions", async () => {
      const { bus } = await open();
      const received: { subject: string; body: string }[] = [];
      const subscription = await bus.subscribeRaw("tc9.raw.>", (body, subject) => {
        received.push({ subject, body: Buffer.from(body).toString("hex") });
      });
      assert.equal(subscription.subject, "tc9.raw.>");
      await bus.publishRaw("tc9.raw.a.b", Uint8Array.of(0, 1, 254, 255));
      await waitFor("the raw body", () => received.length === 1);
      assert.deepEqual(received, [{ subject: "tc9.raw.a.b", body: "0001feff" }]);
    });

    it("rejects a payload that does not fit its Go types and delivers nothing", async () => {
      const { bus } = await open();
      const handled: number[] = [];
      await bus.subscribe(auditRecorded, (p) => void handled.push(p.Seq), { durable: "audit-invalid" });
      await assert.rejects(
        bus.publish(auditRecorded, { Seq: 2 ** 32 }),
        (error: { code?: string }) => error.code === BusErrorCode.Encode,
      );
      await delay(50);
      assert.deepEqual(handled, []);
    });

    it("is not ready and refuses work once closed", async () => {
      const { bus, observer } = await open();
      await bus.close();
      assert.equal(bus.ready(), false);
      assert.equal(observer.connectionChanges.at(-1), false);
      await assert.rejects(
        bus.publish(groupDisband, disband(1n)),
        (error: { code?: string }) => error.code === BusErrorCode.Closed,
      );
      await assert.rejects(
        bus.subscribe(groupDisband, () => undefined),
        (error: { code?: string }) => error.code === BusErrorCode.Closed,
      );
    });
  });
}
