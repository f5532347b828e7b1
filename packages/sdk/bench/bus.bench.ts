/**
 * Bus benchmark: publish→deliver throughput of the NATS bus (Go-JSON encode, publish, decode,
 * typed handler) against bare `nats` publish→subscribe of the same encoded body, both on the
 * shared NATS server in the same run.
 */
import { connect } from "nats";
import { performance } from "node:perf_hooks";
import { createNatsBus, groupCreated, type GroupCreated } from "../src/bus/index.js";
import type { BenchComparison } from "./measure.js";

const NATS_URL = "nats://127.0.0.1:4222";
const BATCH = 1000;

const payload: GroupCreated = {
  ServiceID: "481516",
  RealmID: 1,
  GroupID: 4242n,
  LeaderGUID: 17n,
  LootMethod: 3,
  LooterGUID: 17n,
  LootThreshold: 2,
  GroupType: 0,
  Difficulty: 0,
  RaidDifficulty: 0,
  MasterLooterGuid: 0n,
  LfgDungeonEntry: 0,
  Members: [17n, 18n, 19n, 20n, 21n].map((guid, index) => ({
    MemberGUID: guid,
    MemberFlags: 0,
    MemberName: `Member${index}`,
    IsOnline: true,
    SubGroup: 0,
    Roles: 0,
  })),
};

/** NATS bus vs bare nats.js, one typed event per message, batches of 1000 awaited until delivered. */
export async function benchNatsBus(durationMs = 2000): Promise<BenchComparison> {
  const prefix = `bench_${process.pid}.`;
  const body = groupCreated.encode(payload);

  const nc = await connect({ servers: NATS_URL, name: "tc9-bench-bare" });
  let bareDelivered = 0;
  nc.subscribe(`${prefix}bare.group.created`, { callback: () => void (bareDelivered += 1) });
  await nc.flush();
  const baseline = await measureDelivery(
    () => nc.publish(`${prefix}bare.group.created`, body),
    () => bareDelivered,
    durationMs,
  );
  await nc.close();

  const bus = createNatsBus({ servers: NATS_URL, name: "tc9-bench-bus", subjectPrefix: prefix });
  while (!bus.ready()) await new Promise((resolve) => setTimeout(resolve, 10));
  let busDelivered = 0;
  await bus.subscribe(groupCreated, () => void (busDelivered += 1));
  const subject = await measureDelivery(
    () => void bus.publish(groupCreated, payload),
    () => busDelivered,
    durationMs,
  );
  await bus.close();

  return {
    name: "NATS bus publish→deliver",
    target: 0.9,
    baseline: { label: "bare nats publish→subscribe of the same body", opsPerSec: baseline },
    subject: { label: "bus.publish(groupCreated) → typed handler", opsPerSec: subject },
  };
}

/** Sends batches and waits for each to arrive, for about `durationMs` after a warm-up; returns messages/s. */
async function measureDelivery(send: () => void, delivered: () => number, durationMs: number): Promise<number> {
  const batch = async (): Promise<void> => {
    const target = delivered() + BATCH;
    for (let index = 0; index < BATCH; index++) send();
    while (delivered() < target) await new Promise((resolve) => setImmediate(resolve));
  };
  const warmUpUntil = performance.now() + Math.min(300, durationMs / 4);
  while (performance.now() < warmUpUntil) await batch();
  const start = performance.now();
  let messages = 0;
  while (performance.now() - start < durationMs) {
    await batch();
    messages += BATCH;
  }
  return (messages * 1000) / (performance.now() - start);
}

export default benchNatsBus;
