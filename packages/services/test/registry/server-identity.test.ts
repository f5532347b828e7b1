import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aliasFor, fnv1a32, hostFromPeer, parseAvailableMaps, serverIdFor } from "../../src/registry/index.js";
import { serversForMap } from "../../src/registry/map-assignment.js";
import { parseServerGauges } from "../../src/registry/prometheus-gauges.js";
import type { GameServerRecord } from "../../src/registry/registry-store.js";

describe("server identity", () => {
  it("hashes with FNV-1a 32 (reference vectors of the FNV authors: '', 'a', 'foobar')", () => {
    assert.equal(fnv1a32(""), 0x811c9dc5);
    assert.equal(fnv1a32("a"), 0xe40c292c);
    assert.equal(fnv1a32("foobar"), 0xbf9cf968);
  });

  it("names a server by the decimal hash of its lower-cased address, and derives a stable alias", () => {
    assert.equal(serverIdFor("World.Local:9601"), String(fnv1a32("world.local:9601")));
    assert.equal(serverIdFor("World.Local:9601"), serverIdFor("world.local:9601"));
    assert.equal(aliasFor("World.Local:9601"), aliasFor("world.local:9601"));
    assert.notEqual(aliasFor("a:1"), aliasFor("a:2"));
  });

  it("takes the host of a call's peer, with IPv4-mapped and IPv6 forms, and loopback for in-process calls", () => {
    assert.equal(hostFromPeer("127.0.0.1:54321"), "127.0.0.1");
    assert.equal(hostFromPeer("::ffff:10.1.2.3:4000"), "10.1.2.3");
    assert.equal(hostFromPeer("::1:4000"), "[::1]");
    assert.equal(hostFromPeer("[fe80::1]:4000"), "[fe80::1]");
    assert.equal(hostFromPeer("in-process"), "127.0.0.1");
  });

  it("reads available maps like ToCloud9: comma-separated, non-numbers skipped; sorted and unique", () => {
    assert.deepEqual(parseAvailableMaps("530, 0,x,1,0"), [0, 1, 530]);
    assert.deepEqual(parseAvailableMaps(""), []);
  });
});

describe("map assignment", () => {
  const server = (id: string, availableMaps: number[], activeConnections = 0, pendingMaps: number[] = [], healthDegraded = false): GameServerRecord => ({
    id, address: `${id}:1`, healthCheckAddress: "", grpcAddress: "", alias: id, realmId: 1, isCrossRealm: false,
    availableMaps, assignedMaps: availableMaps, pendingMaps, activeConnections,
    delay: { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 }, healthDegraded,
  });
  const degraded = (id: string, availableMaps: number[], activeConnections = 0): GameServerRecord => server(id, availableMaps, activeConnections, [], true);

  it("gives explicit maps to their owners only, least loaded first, skipping maps still loading", () => {
    const pool = [server("a", [0, 1], 5), server("b", [1], 2), server("c", [1], 0, [1]), server("d", [])];
    assert.deepEqual(serversForMap(pool, 1).map((s) => s.id), ["b", "a"]);
    assert.deepEqual(serversForMap(pool, 0).map((s) => s.id), ["a"]);
  });

  it("splits the unclaimed maps over the every-map servers by map id", () => {
    const pool = [server("a", []), server("b", []), server("c", [571])];
    assert.deepEqual(serversForMap(pool, 0).map((s) => s.id), ["a"]);
    assert.deepEqual(serversForMap(pool, 1).map((s) => s.id), ["b"]);
    assert.deepEqual(serversForMap(pool, 571).map((s) => s.id), ["c"]);
    assert.deepEqual(serversForMap([server("c", [571], 0, [571])], 571), []);
    assert.deepEqual(serversForMap([], 0), []);
  });

  it("drains a degraded owner: its healthy co-owners take the map, else the healthy every-map servers, least loaded first", () => {
    const everyMap = [server("e1", [], 4), server("e2", [], 1)];
    assert.deepEqual(serversForMap([degraded("a", [571]), server("b", [571], 9), ...everyMap], 571).map((s) => s.id), ["b"]);
    assert.deepEqual(serversForMap([degraded("a", [571]), ...everyMap], 571).map((s) => s.id), ["e2", "e1"]);
    assert.deepEqual(serversForMap([degraded("a", [571]), degraded("e1", []), server("e2", [], 7)], 571).map((s) => s.id), ["e2"]);
    assert.deepEqual(serversForMap([degraded("a", [571]), degraded("e1", [])], 571), []);
  });

  it("falls back from a degraded every-map owner to the other every-map servers, and keeps the map split otherwise", () => {
    const pool = [degraded("a", [], 0), server("b", [], 3), server("c", [], 1)];
    assert.deepEqual(serversForMap(pool, 0).map((s) => s.id), ["c", "b"], "map 0 falls to a, which is degraded");
    assert.deepEqual(serversForMap(pool, 1).map((s) => s.id), ["b"], "map 1 still falls to b: a keeps its share");
  });

  it("falls back when an owner is degraded and the healthy one is still loading, but waits when nobody is degraded", () => {
    assert.deepEqual(serversForMap([degraded("a", [1]), server("b", [1], 0, [1]), server("e", [])], 1).map((s) => s.id), ["e"]);
    assert.deepEqual(serversForMap([server("a", [1], 0, [1]), server("e", [])], 1), []);
  });
});

describe("metrics gauges", () => {
  it("reads ToCloud9's gauge names from Prometheus text, with or without labels", () => {
    const text = "# HELP active_connections x\nactive_connections 4\ndelay_mean{node=\"w\"} 12.6\ndelay_max 1e3\nother 9\ndelay_median NaN\n";
    assert.deepEqual(parseServerGauges(text), { activeConnections: 4, delayMean: 13, delayMax: 1000 });
  });
});
