/**
 * The guid module and an unreachable characters database: the node stays up and not ready until
 * the database answers, then starts the module. Later, while the database is down again, calls
 * the local stock covers still succeed and calls that need a reservation fail with UNAVAILABLE.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger, RpcError, RpcStatus, startNode, type RunningNode } from "@tc9/sdk";
import { GuidService, GuidType } from "@tc9/sdk/contracts";
import { createScratchDatabase } from "@tc9/sdk/testing";
import { guidTopology } from "./support/guid-node.js";
import type { ScratchDatabase } from "./support/high-water-db.js";
import { freePort } from "./support/processes.js";
import { TcpForwarder } from "./support/tcp-forwarder.js";

describe("guid module with its database down", () => {
  let scratch: ScratchDatabase;
  let forwarder: TcpForwarder;
  let node: RunningNode | undefined;
  let viaForwarder: string;

  before(async () => {
    scratch = await createScratchDatabase({ schema: "characters" });
    const direct = new URL(scratch.url);
    const port = await freePort();
    forwarder = new TcpForwarder(port, { host: direct.hostname, port: Number(direct.port || 3306) });
    const proxied = new URL(scratch.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(port);
    viaForwarder = proxied.toString();
  });
  after(async () => {
    await node?.stop();
    await forwarder?.close();
    await scratch?.drop();
  });

  it("is not ready while the database is unreachable at start, then starts and serves", async () => {
    node = await startNode(guidTopology([{ id: 1, charactersUrl: viaForwarder }]), "guid", {
      logger: createLogger({ level: "silent" }),
      retry: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const down = await node.readiness();
    assert.equal(down.ready, false);
    assert.deepEqual(
      down.checks.filter((check) => !check.ok).map((check) => check.name).sort(),
      ["database:characters:1", "module:guid"],
    );
    assert.equal(node.moduleInfo("guid"), undefined);

    await forwarder.open();
    await node.started();
    assert.equal((await node.readiness()).ready, true);
    const { receiverGUID } = await node.use(GuidService).getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize: 10n });
    assert.deepEqual(receiverGUID, [{ start: 1n, end: 10n }]);
  });

  it("serves from its stock while the database is down, and answers UNAVAILABLE when it must reserve", async () => {
    assert.ok(node);
    const guids = node.use(GuidService);
    await forwarder.close();
    assert.equal((await node.readiness()).ready, false);
    const { receiverGUID } = await guids.getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize: 30n });
    assert.deepEqual(receiverGUID, [{ start: 11n, end: 40n }], "30 of the 50 prefetched GUIDs");
    await assert.rejects(
      guids.getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize: 21n }),
      (error: unknown) => error instanceof RpcError && error.status === RpcStatus.UNAVAILABLE,
    );
    await forwarder.open();
    const after = await guids.getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize: 21n });
    assert.equal(after.receiverGUID[0]?.start, 41n);
  });
});
