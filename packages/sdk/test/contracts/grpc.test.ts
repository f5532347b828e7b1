/**
 * `toGrpcServiceDefinition` with a real grpc-js server on 127.0.0.1:0: a typed round trip through
 * a client built from the same definition, and a call from a client that encodes with protobufjs
 * reflection instead (same path, same bytes on the wire).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as grpc from "@grpc/grpc-js";
import protobuf from "protobufjs";
import { SDK_ROOT, TEST_FIXTURE_CONTRACTS } from "../../scripts/gen-contracts.js";
import type { CallContext, Client, Contract, Handlers } from "../../src/contracts/contract.js";
import {
  GetGUIDPoolRequestResponse,
  GuidService,
  GuidType,
  type GuidClient,
  type GuidHandlers,
} from "../../src/contracts/generated/index.js";
import { toGrpcServiceDefinition } from "../../src/contracts/grpc.js";
import { Character, EchoService, type EchoClient, type EchoHandlers } from "./fixtures/generated/index.js";
import { Prng, sampleMessage, toPlain } from "./support/sample-messages.js";
import type { AnyMessage } from "./support/contract-catalog.js";

const guidHandlers: GuidHandlers = {
  async getGUIDPool(request) {
    const start = 2n ** 63n + request.desiredPoolSize;
    return GetGUIDPoolRequestResponse.create({
      api: request.api,
      receiverGUID: [{ start, end: start + BigInt(request.realmID) }],
    });
  },
};

const echoHandlers: EchoHandlers = {
  async echo(request) {
    return { ...request, name: `echo: ${request.name}` };
  },
  async getGUIDPool(request) {
    return request;
  },
  async ping(request) {
    return request;
  },
};

// The explicit interfaces and the generic mapped types describe the same thing.
const guidAsGeneric: Handlers<typeof GuidService> = guidHandlers;
const echoAsGeneric: Handlers<typeof EchoService> = echoHandlers;
const echoFromGeneric: EchoHandlers = echoAsGeneric;

/** A grpc-js implementation calling typed handlers. */
function implementationOf<C extends Contract>(contract: C, handlers: Handlers<C>): grpc.UntypedServiceImplementation {
  const implementation: grpc.UntypedServiceImplementation = {};
  const byKey = handlers as unknown as Record<string, (request: object, call: CallContext) => Promise<object>>;
  for (const key of Object.keys(contract.methods)) {
    const unary: grpc.handleUnaryCall<object, object> = (call, callback) => {
      const handler = byKey[key];
      if (handler === undefined) throw new Error(`no handler for ${key}`);
      handler(call.request, { signal: new AbortController().signal, deadline: undefined, peer: call.getPeer() }).then(
        (response) => callback(null, response),
        (error: unknown) => callback({ code: grpc.status.INTERNAL, details: String(error) }),
      );
    };
    implementation[key] = unary;
  }
  return implementation;
}

/** A typed client over a grpc-js generic client built from the same definition. */
function clientOf<C extends Contract>(contract: C, address: string): { client: Client<C>; close(): void } {
  const Constructor = grpc.makeGenericClientConstructor(toGrpcServiceDefinition(contract), contract.serviceName);
  const raw = new Constructor(address, grpc.credentials.createInsecure());
  const client: Record<string, (request: object) => Promise<object>> = {};
  for (const [key, method] of Object.entries(contract.methods)) {
    const call = raw[key];
    if (call === undefined) throw new Error(`generic client lacks ${key}`);
    client[key] = (request) =>
      new Promise((resolve, reject) => {
        call.call(raw, method.requestType.create(request), (error: grpc.ServiceError | null, response: object) =>
          error ? reject(error) : resolve(response),
        );
      });
  }
  return { client: client as Client<C>, close: () => raw.close() };
}

describe("toGrpcServiceDefinition", () => {
  let server: grpc.Server;
  let address: string;
  const clients: { close(): void }[] = [];

  before(async () => {
    server = new grpc.Server();
    server.addService(toGrpcServiceDefinition(GuidService), implementationOf(GuidService, guidAsGeneric));
    server.addService(toGrpcServiceDefinition(EchoService), implementationOf(EchoService, echoFromGeneric));
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      );
    });
    address = `127.0.0.1:${port}`;
  });

  after(() => {
    for (const client of clients) client.close();
    server.forceShutdown();
  });

  it("describes each method with its gRPC path, names and unary flags", () => {
    const definition = toGrpcServiceDefinition(GuidService);
    assert.deepEqual(Object.keys(definition), ["getGUIDPool"]);
    assert.equal(definition.getGUIDPool.path, "/v1.GuidService/GetGUIDPool");
    assert.equal(definition.getGUIDPool.originalName, "GetGUIDPool");
    assert.equal(definition.getGUIDPool.requestStream, false);
    assert.equal(definition.getGUIDPool.responseStream, false);
  });

  it("round-trips a v1 call with uint64 values above 2^63", async () => {
    const connection = clientOf(GuidService, address);
    clients.push(connection);
    const client: GuidClient = connection.client;
    const response = await client.getGUIDPool({
      api: "0.0.1",
      realmID: 5,
      guidType: GuidType.Item,
      desiredPoolSize: 100n,
    });
    assert.deepStrictEqual(
      response,
      GetGUIDPoolRequestResponse.create({
        api: "0.0.1",
        receiverGUID: [{ start: 2n ** 63n + 100n, end: 2n ** 63n + 105n }],
      }),
    );
  });

  it("round-trips a fully populated fixture message", async () => {
    const connection = clientOf(EchoService, address);
    clients.push(connection);
    const client: EchoClient = connection.client;
    const request = Character.create(sampleMessage(fixtureType("Character"), new Prng(5)));
    assert.deepStrictEqual(await client.echo(request), { ...request, name: `echo: ${request.name}` });
  });

  it("answers a client that encodes with protobufjs reflection on the same path", async () => {
    const characterType = fixtureType("Character");
    const serialize = (plain: Record<string, unknown>): Buffer =>
      Buffer.from(characterType.encode(characterType.fromObject(plain)).finish());
    const deserialize = (bytes: Buffer): Record<string, unknown> =>
      characterType.toObject(characterType.decode(bytes), { longs: String, bytes: String });
    const raw = new grpc.Client(address, grpc.credentials.createInsecure());
    clients.push(raw);
    const request = Character.create(sampleMessage(characterType, new Prng(6)));
    const response = await new Promise<Record<string, unknown>>((resolve, reject) => {
      raw.makeUnaryRequest(
        "/tc9.fixture.EchoService/Echo",
        serialize,
        deserialize,
        toPlain(characterType, request as unknown as AnyMessage),
        (error, value) => (error || value === undefined ? reject(error) : resolve(value)),
      );
    });
    assert.deepStrictEqual(response, toPlain(characterType, { ...request, name: `echo: ${request.name}` }));
  });
});

function fixtureType(name: string): protobuf.Type {
  const root = new protobuf.Root().loadSync(`${SDK_ROOT}/${TEST_FIXTURE_CONTRACTS.protoDir}/kitchen-sink.proto`, {
    keepCase: true,
  });
  return root.lookupType(`tc9.fixture.${name}`);
}
