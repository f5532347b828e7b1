import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aliasFor, fnv1a32, hostFromPeer, parseAvailableMaps, serverIdFor } from "../../src/registry/index.js";
import { parseServerGauges } from "../../src/registry/prometheus-gauges.js";

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

describe("metrics gauges", () => {
  it("reads ToCloud9's gauge names from Prometheus text, with or without labels", () => {
    const text = "# HELP active_connections x\nactive_connections 4\ndelay_mean{node=\"w\"} 12.6\ndelay_max 1e3\nother 9\ndelay_median NaN\n";
    assert.deepEqual(parseServerGauges(text), { activeConnections: 4, delayMean: 13, delayMax: 1000 });
  });
});
