/**
 * Two guid processes on one characters database — one node in this process, one in a child OS
 * process reached over gRPC — draw 10,000 item GUIDs concurrently while each of them is
 * restarted (the child is killed outright): no GUID is handed out twice, and every one lies
 * above the seeded maximum and within INT UNSIGNED.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import type { Client } from "@tc9/sdk";
import { GuidType, type GuidService } from "@tc9/sdk/contracts";
import { startGuidNode, startRemoteCaller, type GuidNode, type GuidRealm, type NodePorts } from "./support/guid-node.js";
import { migratedCharacters, type ScratchDatabase } from "./support/high-water-db.js";
import { freePort, spawnGuidNode, terminate, waitForOk } from "./support/processes.js";
import { seedItems } from "./support/seed.js";

const SEEDED_MAX = 5000n;
const TOTAL = 10_000;
const WORKERS_PER_PROCESS = 8;
const INT_UNSIGNED_MAX = 0xffff_ffffn;

describe("two guid processes on one database", () => {
  let scratch: ScratchDatabase;
  let realms: GuidRealm[];
  let ports: NodePorts;
  let child: ChildProcess | undefined;
  let local: GuidNode | undefined;
  let remote: GuidNode | undefined;
  const drawn: bigint[] = [];

  const startChild = async (): Promise<void> => {
    child = spawnGuidNode(scratch.url, ports);
    await waitForOk(`http://127.0.0.1:${ports.http}/readyz`);
  };

  /** `WORKERS_PER_PROCESS` callers drawing 1–25 item GUIDs per call until `drawn` holds `until` GUIDs. */
  const drawUntil = async (guids: Client<typeof GuidService>, until: number): Promise<void> => {
    const worker = async (): Promise<void> => {
      while (drawn.length < until) {
        const desiredPoolSize = BigInt(1 + Math.floor(Math.random() * 25));
        const { receiverGUID } = await guids.getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize });
        let count = 0n;
        for (const range of receiverGUID) {
          for (let guid = range.start; guid <= range.end; guid++) drawn.push(guid);
          count += range.end - range.start + 1n;
        }
        assert.equal(count, desiredPoolSize);
      }
    };
    await Promise.all(Array.from({ length: WORKERS_PER_PROCESS }, worker));
  };

  before(async () => {
    scratch = await migratedCharacters();
    await seedItems(scratch.db, [Number(SEEDED_MAX)]);
    realms = [{ id: 1, charactersUrl: scratch.url }];
    ports = { grpc: await freePort(), http: await freePort() };
    [local] = await Promise.all([startGuidNode(realms), startChild()]);
    remote = await startRemoteCaller(realms, ports);
  });
  after(async () => {
    if (child) await terminate(child);
    await Promise.all([local?.node.stop(), remote?.node.stop()]);
    await scratch?.drop();
  });

  it("never hands out a GUID twice across processes and restarts", async () => {
    assert.ok(local && remote && child);
    await Promise.all([drawUntil(local.guids, 4000), drawUntil(remote.guids, 4000)]);

    // The child crashes and comes back while this process keeps drawing.
    const crashed = child;
    const restartChild = (async () => {
      crashed.kill("SIGKILL");
      await new Promise((resolve) => crashed.once("exit", resolve));
      await startChild();
    })();
    await Promise.all([drawUntil(local.guids, 6000), restartChild]);

    // This process's node restarts gracefully while the child draws.
    const restartLocal = (async () => {
      await local.node.stop();
      local = await startGuidNode(realms);
    })();
    await Promise.all([drawUntil(remote.guids, 8000), restartLocal]);

    await Promise.all([drawUntil(local.guids, TOTAL), drawUntil(remote.guids, TOTAL)]);

    assert.ok(drawn.length >= TOTAL);
    assert.equal(new Set(drawn).size, drawn.length, "every GUID was handed out once");
    const sorted = [...drawn].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.ok((sorted[0] ?? 0n) > SEEDED_MAX, `lowest ${sorted[0]} is above the seeded maximum`);
    assert.ok((sorted.at(-1) ?? 0n) <= INT_UNSIGNED_MAX);
    const mark = await scratch.db.queryOne<{ high: string }>(
      "SELECT high FROM tc9_guid_high_water WHERE realm_id = 1 AND guid_type = ?",
      [GuidType.Item],
    );
    assert.ok(BigInt(mark?.high ?? "0") >= (sorted.at(-1) ?? 0n), "the mark covers every GUID handed out");
  });
});
