/**
 * GUID ranges per second: the guid module through `node.use(GuidService)` (local stock,
 * prefetching) against a bare transactional counter update per range on the same MariaDB —
 * what a GUID service without a local stock would pay for every call. 16 calls in flight each,
 * 10 item GUIDs per range.
 */
import { createLogger, defineTopology, startNode, toBigInt } from "@tc9/sdk";
import { GuidService, GuidType } from "@tc9/sdk/contracts";
import { createScratchDatabase } from "@tc9/sdk/testing";
import { measureAsync, type BenchComparison } from "../../sdk/bench/measure.js";
import { guidModule } from "../src/guid/index.js";

const RANGE_SIZE = 10n;
const CONCURRENCY = 16;
/** The baseline's counter: a realm id the module does not serve, in the module's own table. */
const BASELINE_REALM = 2;

/** The guid module vs a bare `SELECT … FOR UPDATE` + `UPDATE` transaction per range. */
export async function benchGuidRanges(durationMs = 2000): Promise<BenchComparison> {
  const scratch = await createScratchDatabase({ schema: "characters" });
  const topology = defineTopology({
    realms: [{ id: 1, name: "Bench", databases: { characters: scratch.url } }],
    nodes: { guid: { modules: [guidModule] } },
  });
  const node = await startNode(topology, "guid", { logger: createLogger({ level: "silent" }) });
  try {
    await node.started();
    const db = scratch.db;
    await db.execute("INSERT INTO tc9_guid_high_water (realm_id, guid_type, high) VALUES (?, ?, 0)", [BASELINE_REALM, GuidType.Item]);
    const bareRange = (): Promise<unknown> =>
      db.transaction(async (tx) => {
        const row = await tx.queryOne<{ high: string }>(
          "SELECT high FROM tc9_guid_high_water WHERE realm_id = ? AND guid_type = ? FOR UPDATE",
          [BASELINE_REALM, GuidType.Item],
        );
        const end = toBigInt(row?.high ?? 0) + RANGE_SIZE;
        await tx.execute("UPDATE tc9_guid_high_water SET high = ? WHERE realm_id = ? AND guid_type = ?", [
          end,
          BASELINE_REALM,
          GuidType.Item,
        ]);
        return { start: end - RANGE_SIZE + 1n, end };
      });
    const guids = node.use(GuidService);
    const request = { realmID: 1, guidType: GuidType.Item, desiredPoolSize: RANGE_SIZE };
    const baseline = await measureAsync(bareRange, durationMs, CONCURRENCY);
    const subject = await measureAsync(() => guids.getGUIDPool(request), durationMs, CONCURRENCY);
    return {
      name: "GUID ranges",
      baseline: { label: "bare SELECT … FOR UPDATE + UPDATE transaction per range", opsPerSec: baseline },
      subject: { label: "node.use(GuidService).getGUIDPool with prefetching", opsPerSec: subject },
    };
  } finally {
    await node.stop();
    await scratch.drop();
  }
}
