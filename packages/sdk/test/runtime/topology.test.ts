import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { defineContract, defineEvent, defineModule, defineTopology, struct, TopologyError, u32, type TopologyInput } from "@tc9/sdk";

const Alpha = defineContract({ serviceName: "Alpha", fullName: "test.Alpha", methods: {} });
const Beta = defineContract({ serviceName: "Beta", fullName: "test.Beta", methods: {} });

const alpha = defineModule({ name: "alpha", serves: Alpha, start: async () => ({ handlers: {} }) });
const beta = defineModule({ name: "beta", serves: Beta, uses: [Alpha], start: async () => ({ handlers: {} }) });
const realms = [{ id: 1, name: "Test" }];

function expectCode(input: TopologyInput, code: string, mentions: RegExp): void {
  assert.throws(
    () => defineTopology(input),
    (error: unknown) => {
      assert.ok(error instanceof TopologyError, `expected a TopologyError, got ${String(error)}`);
      assert.equal(error.code, code);
      assert.match(error.message, mentions);
      return true;
    },
  );
}

describe("defineModule", () => {
  it("refuses a name that is not kebab-case", () => {
    assert.throws(
      () => defineModule({ name: "Guild Bank", start: async () => ({}) }),
      (error: unknown) => error instanceof TopologyError && error.code === "TC9_ERR_MODULE_INVALID_NAME",
    );
  });

  it("refuses a module that uses the contract it serves", () => {
    assert.throws(
      () => defineModule({ name: "loop", serves: Alpha, uses: [Alpha], start: async () => ({ handlers: {} }) }),
      (error: unknown) => error instanceof TopologyError && error.code === "TC9_ERR_MODULE_INVALID",
    );
  });
});

describe("defineTopology", () => {
  it("orders modules after the local modules they use", () => {
    const topology = defineTopology({ realms, nodes: { main: { modules: [beta, alpha] } } });
    assert.deepEqual(
      topology.nodes.get("main")?.modules.map((p) => p.module.name),
      ["alpha", "beta"],
    );
    assert.equal(topology.servedBy.get("test.Beta")?.node, "main");
    assert.equal(topology.nodes.get("main")?.grpc.host, "127.0.0.1", "listeners default to loopback");
  });

  it("resolves modules named by string from the catalogue", () => {
    const topology = defineTopology({ realms, modules: [alpha, beta], nodes: { main: { modules: ["alpha", "beta"] } } });
    assert.equal(topology.nodes.get("main")?.modules.length, 2);
  });

  it("TC9_ERR_TOPOLOGY_INVALID: shape errors name the path", () => {
    expectCode({ realms, nodes: { main: { modules: [alpha], grpc: { port: 70000 } } } }, "TC9_ERR_TOPOLOGY_INVALID", /port/);
    expectCode({ realms: [], nodes: { main: { modules: [alpha] } } }, "TC9_ERR_TOPOLOGY_INVALID", /at least one realm/);
    expectCode(
      { realms: [{ id: 1, name: "x", databases: { characters: "postgres://x" } }], nodes: { main: { modules: [alpha] } } },
      "TC9_ERR_TOPOLOGY_INVALID",
      /mysql:\/\//,
    );
  });

  it("TC9_ERR_TOPOLOGY_UNKNOWN_MODULE lists the known modules", () => {
    expectCode({ realms, modules: [alpha], nodes: { main: { modules: ["alpah"] } } }, "TC9_ERR_TOPOLOGY_UNKNOWN_MODULE", /"alpah".*known: alpha/);
  });

  it("TC9_ERR_TOPOLOGY_DUPLICATE_MODULE: one module on two nodes", () => {
    expectCode(
      { realms, nodes: { a: { modules: [alpha] }, b: { modules: [alpha] } } },
      "TC9_ERR_TOPOLOGY_DUPLICATE_MODULE",
      /"alpha" is placed on node "a" and on node "b"/,
    );
  });

  it("TC9_ERR_TOPOLOGY_DUPLICATE_MODULE: two modules with one name", () => {
    const twin = defineModule({ name: "alpha", start: async () => ({}) });
    expectCode({ realms, nodes: { a: { modules: [alpha, twin] } } }, "TC9_ERR_TOPOLOGY_DUPLICATE_MODULE", /two different modules/);
  });

  it("TC9_ERR_TOPOLOGY_CONTRACT_UNSERVED: a used contract no node serves", () => {
    expectCode({ realms, nodes: { main: { modules: [beta] } } }, "TC9_ERR_TOPOLOGY_CONTRACT_UNSERVED", /"beta" uses test\.Alpha/);
  });

  it("TC9_ERR_TOPOLOGY_CONTRACT_SERVED_TWICE", () => {
    const other = defineModule({ name: "alpha-2", serves: Alpha, start: async () => ({ handlers: {} }) });
    expectCode({ realms, nodes: { main: { modules: [alpha, other] } } }, "TC9_ERR_TOPOLOGY_CONTRACT_SERVED_TWICE", /test\.Alpha/);
  });

  it("TC9_ERR_TOPOLOGY_CYCLE names the path", () => {
    const a = defineModule({ name: "a", serves: Alpha, uses: [Beta], start: async () => ({ handlers: {} }) });
    const b = defineModule({ name: "b", serves: Beta, uses: [Alpha], start: async () => ({ handlers: {} }) });
    expectCode({ realms, nodes: { main: { modules: [a, b] } } }, "TC9_ERR_TOPOLOGY_CYCLE", /"a" → "b" → "a"/);
  });

  it("TC9_ERR_TOPOLOGY_MISSING_DATABASE: auth and per-realm databases", () => {
    const auth = defineModule({ name: "auth", databases: ["auth"], start: async () => ({}) });
    expectCode({ realms, nodes: { main: { modules: [auth] } } }, "TC9_ERR_TOPOLOGY_MISSING_DATABASE", /databases\.auth/);
    const chars = defineModule({ name: "chars", databases: ["characters"], start: async () => ({}) });
    expectCode(
      {
        realms: [
          { id: 1, name: "One", databases: { characters: "mysql://root@127.0.0.1/c1" } },
          { id: 2, name: "Two" },
        ],
        nodes: { main: { modules: [chars] } },
      },
      "TC9_ERR_TOPOLOGY_MISSING_DATABASE",
      /realm 2.*realms\[1\]\.databases\.characters/,
    );
  });

  it("TC9_ERR_TOPOLOGY_PORT_CLASH names both owners", () => {
    expectCode(
      { realms, nodes: { a: { modules: [alpha], grpc: { port: 9100 } }, b: { modules: [beta], http: { port: 9100 } } } },
      "TC9_ERR_TOPOLOGY_PORT_CLASH",
      /nodes\.b\.http: port 9100 .* nodes\.a\.grpc/,
    );
    expectCode(
      { realms, nodes: { a: { modules: [alpha], grpc: { host: "0.0.0.0", port: 9100 } }, b: { modules: [beta], grpc: { port: 9100 } } } },
      "TC9_ERR_TOPOLOGY_PORT_CLASH",
      /port 9100/,
    );
  });

  it("TC9_ERR_TOPOLOGY_GRPC_PORT_REQUIRED when a remote node must be found", () => {
    expectCode(
      { realms, nodes: { a: { modules: [alpha] }, b: { modules: [beta] } } },
      "TC9_ERR_TOPOLOGY_GRPC_PORT_REQUIRED",
      /nodes\.a\.grpc\.port/,
    );
  });

  it("TC9_ERR_TOPOLOGY_LOCAL_BUS_SPLIT when evented modules span processes on the local bus", () => {
    const event = defineEvent({ subject: "tc9.test.split", type: 1, payload: struct({ N: u32 }) });
    const p = defineModule({ name: "p", events: { publishes: [event] }, start: async () => ({}) });
    const s = defineModule({ name: "s", events: { subscribes: [event] }, start: async () => ({}) });
    expectCode({ realms, nodes: { a: { modules: [p] }, b: { modules: [s] } } }, "TC9_ERR_TOPOLOGY_LOCAL_BUS_SPLIT", /kind: "nats"/);
    assert.doesNotThrow(() =>
      defineTopology({ realms, bus: { kind: "nats", servers: "nats://127.0.0.1:4222" }, nodes: { a: { modules: [p] }, b: { modules: [s] } } }),
    );
  });

  it("TC9_ERR_MODULE_OPTIONS when options fail the module's schema (checked at node start)", async () => {
    const { startNode } = await import("@tc9/sdk");
    const configurable = defineModule({
      name: "configurable",
      options: z.strictObject({ greeting: z.string().min(1) }),
      start: async () => ({}),
    });
    const topology = defineTopology({ realms, nodes: { main: { modules: [{ module: configurable, options: { greeting: 3 } }] } } });
    await assert.rejects(startNode(topology, "main"), (error: unknown) => error instanceof TopologyError && error.code === "TC9_ERR_MODULE_OPTIONS" && /greeting/.test(error.message));
    await assert.rejects(startNode(topology, "nope"), (error: unknown) => error instanceof TopologyError && error.code === "TC9_ERR_TOPOLOGY_UNKNOWN_NODE");
  });
});
