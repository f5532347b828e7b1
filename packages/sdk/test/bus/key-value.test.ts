/**
 * `Bus.keyValue` on both transports: compare-and-set writes, listings by prefix, expiry, and (on
 * NATS) a bucket shared by two buses — what the registry builds its shared store and lease on.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { createLocalBus, createNatsBus, type Bus, type KeyValue } from "../../src/bus/index.js";
import { SHARED_NATS_URL } from "./helpers/nats-server.js";
import { eventually } from "../../src/testing/eventually.js";
import { uniqueSubjectPrefix } from "../../src/testing/jetstream-cleanup.js";
import { waitFor } from "./helpers/wait.js";

const text = new TextEncoder();
const read = (value: Uint8Array | undefined): string | undefined => (value === undefined ? undefined : new TextDecoder().decode(value));

const natsPrefix = uniqueSubjectPrefix("kv");
async function natsBus(): Promise<Bus> {
  const bus = createNatsBus({ servers: SHARED_NATS_URL, name: "tc9-kv-test", subjectPrefix: natsPrefix, reconnectWaitMs: 200 });
  await waitFor("the NATS bus to connect", () => bus.ready());
  return bus;
}

const implementations: readonly { readonly name: string; open(): Promise<Bus> }[] = [
  { name: "local", open: async () => createLocalBus() },
  { name: "nats", open: natsBus },
];

for (const implementation of implementations) {
  describe(`keyValue on the ${implementation.name} bus`, () => {
    const opened: { bus: Bus; buckets: KeyValue[] }[] = [];
    const open = async (bucket: string, ttlMs?: number): Promise<KeyValue> => {
      const bus = await implementation.open();
      const kv = await bus.keyValue(bucket, ttlMs === undefined ? {} : { ttlMs });
      opened.push({ bus, buckets: [kv] });
      return kv;
    };
    after(async () => {
      for (const { bus, buckets } of opened) {
        for (const kv of buckets) await kv.destroy().catch(() => undefined);
        await bus.close();
      }
    });

    it("reports its transport", async () => {
      const bus = await implementation.open();
      assert.equal(bus.transport, implementation.name);
      await bus.close();
    });

    it("creates only absent keys and updates only unchanged revisions", async () => {
      const kv = await open("cas");
      const first = await kv.create("ws.1", text.encode("a"));
      assert.ok(first !== undefined);
      assert.equal(await kv.create("ws.1", text.encode("b")), undefined, "a second create loses");
      const second = await kv.update("ws.1", text.encode("c"), first);
      assert.ok(second !== undefined && second !== first);
      assert.equal(await kv.update("ws.1", text.encode("d"), first), undefined, "a stale revision loses");
      assert.equal(read((await kv.get("ws.1"))?.value), "c");
      assert.equal(await kv.delete("ws.1", first), false, "a stale delete loses");
      assert.equal(await kv.delete("ws.1", second), true);
      assert.equal(await kv.get("ws.1"), undefined);
      assert.ok((await kv.create("ws.1", text.encode("e"))) !== undefined, "a deleted key can be created again");
    });

    it("lists live entries by key prefix, in key order", async () => {
      const kv = await open("list");
      for (const key of ["ws.2", "gw.1", "ws.1", "ws.3"]) await kv.create(key, text.encode(key));
      await kv.delete("ws.3");
      assert.deepEqual((await kv.entries("ws.")).map((entry) => [entry.key, read(entry.value)]), [["ws.1", "ws.1"], ["ws.2", "ws.2"]]);
      assert.deepEqual((await kv.entries()).map((entry) => entry.key), ["gw.1", "ws.1", "ws.2"]);
    });

    it("forgets entries their ttl after their last write", async () => {
      const kv = await open("ttl", 300);
      await kv.create("lease", text.encode("me"));
      await eventually("the entry to expire", async () => (await kv.get("lease")) === undefined, 5_000);
      assert.ok((await kv.create("lease", text.encode("you"))) !== undefined, "an expired key can be created again");
    });

    it("refuses keys the transport cannot store", async () => {
      const kv = await open("names");
      await assert.rejects(kv.get("a b"), /not valid/);
      await assert.rejects(kv.create(".a", text.encode("x")), /not valid/);
    });

    it("shares one bucket between buses opening the same name", async () => {
      if (implementation.name === "local") {
        const bus = await implementation.open();
        const [a, b] = [await bus.keyValue("shared"), await bus.keyValue("shared")];
        await a.create("k", text.encode("v"));
        assert.equal(read((await b.get("k"))?.value), "v");
        await bus.close();
        return;
      }
      const a = await open("shared");
      const b = await open("shared");
      const revision = await a.create("k", text.encode("v"));
      assert.equal((await b.get("k"))?.revision, revision);
    });
  });
}
