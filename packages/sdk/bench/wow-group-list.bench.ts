/**
 * Benchmark of the SMSG_GROUP_LIST codec: decoding and re-encoding the packet a member of a full
 * 40-player raid receives (39 other members), against copying the same bytes with `Buffer.from`.
 * The gateway re-renders this packet for every member on every raid change, so it should stay
 * within a small factor of a plain copy. The root bench runner imports and calls this function.
 */
import { smsgGroupListCodec, type SmsgGroupList } from "../src/wow/world/messages/group-list.js";
import { measure, type BenchComparison } from "./measure.js";

/** Keeps results observable so the optimiser cannot drop the measured work. */
let sink = 0;

function fullRaid(): SmsgGroupList {
  const members = Array.from({ length: 39 }, (_, index) => ({
    name: `Raider${String(index).padStart(2, "0")}`,
    guid: BigInt(0x100 + index),
    status: 0x01,
    subGroup: Math.floor((index + 1) / 5),
    flags: index === 0 ? 0x01 : 0,
    roles: 0,
  }));
  return {
    groupType: 0x02,
    subGroup: 0,
    flags: 0,
    roles: 0,
    groupGuid: 0x1f10000000000042n,
    counter: 1234,
    members,
    leaderGuid: 0xffn,
    loot: { lootMethod: 3, masterLooterGuid: 0n, lootThreshold: 2, dungeonDifficulty: 0, raidDifficulty: 1, heroicRaid: false },
  };
}

/** Decode + re-encode of a 40-player SMSG_GROUP_LIST vs `Buffer.from` of its bytes. */
export async function benchGroupListCodec(durationMs = 1000): Promise<BenchComparison> {
  const bytes = smsgGroupListCodec.encode(fullRaid()).slice();
  const subject = () => {
    const encoded = smsgGroupListCodec.encode(smsgGroupListCodec.decode(bytes));
    sink ^= encoded[encoded.length - 1] ?? 0;
  };
  const baseline = () => {
    sink ^= Buffer.from(bytes)[0] ?? 0;
  };
  return {
    name: `SMSG_GROUP_LIST decode + encode, 40-player raid (${bytes.length} bytes)`,
    baseline: { label: `Buffer.from(copy of the ${bytes.length}-byte packet)`, opsPerSec: measure(baseline, durationMs, 1000) },
    subject: { label: "smsgGroupListCodec.decode then .encode", opsPerSec: measure(subject, durationMs, 100) },
  };
}
