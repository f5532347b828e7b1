/**
 * What RegisterGameServer and RegisterGateway refuse (with a message naming the fix): realms the
 * registry does not serve, a cross-realm server naming a realm, and addresses a live server
 * already uses in another role or for another realm.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RpcError, RpcStatus } from "@tc9/sdk";
import { FakeHealthEndpoint } from "./helpers/fake-health-endpoint.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

function refused(status: number, message: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof RpcError && error.status === status && message.test(error.message);
}

describe("registration checks", () => {
  let cluster: RegistryCluster;
  let health: FakeHealthEndpoint;
  const server = (fields: { gamePort: number; grpcPort?: number; healthPort?: number; realmID?: number; isCrossRealm?: boolean }) => ({
    healthPort: health.port, grpcPort: fields.gamePort + 1000, realmID: 1, isCrossRealm: false, availableMaps: "0", preferredHostName: "", ...fields,
  });

  before(async () => {
    // The topology has realms 1 and 2; the option adds 5.
    cluster = await startRegistryCluster({ intervalMs: 200, timeoutMs: 300, extraRealms: [5] });
    health = await FakeHealthEndpoint.start();
  });
  after(async () => {
    await cluster.stop();
    await health.close();
  });

  it("refuses worldservers and gateways of realms it does not serve, and accepts the topology's and the extra ones", async () => {
    await assert.rejects(
      cluster.overGrpc.registerGameServer(server({ gamePort: 9901, realmID: 3 })),
      refused(RpcStatus.FAILED_PRECONDITION, /realm 3 is not served by this registry \(it serves 1, 2, 5\).*extraRealms/),
    );
    await assert.rejects(
      cluster.overGrpc.registerGateway({ gamePort: 8201, healthPort: health.port, realmID: 4, preferredHostName: "" }),
      refused(RpcStatus.FAILED_PRECONDITION, /realm 4 is not served/),
    );
    assert.ok((await cluster.overGrpc.registerGameServer(server({ gamePort: 9902, realmID: 2 }))).id);
    assert.ok((await cluster.overGrpc.registerGameServer(server({ gamePort: 9903, realmID: 5 }))).id);
    assert.ok((await cluster.overGrpc.registerGateway({ gamePort: 8205, healthPort: health.port, realmID: 5, preferredHostName: "" })).id);
  });

  it("refuses a cross-realm worldserver that names a realm", async () => {
    await assert.rejects(
      cluster.overGrpc.registerGameServer(server({ gamePort: 9911, realmID: 1, isCrossRealm: true })),
      refused(RpcStatus.INVALID_ARGUMENT, /cross-realm worldserver names realm 1; send realmID 0/),
    );
    assert.ok((await cluster.overGrpc.registerGameServer(server({ gamePort: 9912, realmID: 0, isCrossRealm: true }))).id);
  });

  it("refuses a game address that is a live server's gRPC address, or the other way round", async () => {
    await cluster.overGrpc.registerGameServer(server({ gamePort: 9921, grpcPort: 9922 }));
    await assert.rejects(
      cluster.overGrpc.registerGameServer(server({ gamePort: 9922 })),
      refused(RpcStatus.FAILED_PRECONDITION, /shares an address with live worldserver 127\.0\.0\.1:9921.*own ports/),
    );
    await assert.rejects(cluster.overGrpc.registerGameServer(server({ gamePort: 9923, grpcPort: 9921 })), refused(RpcStatus.FAILED_PRECONDITION, /shares an address/));
  });

  it("refuses the same game address for another realm while the first one lives, and accepts it again for its own", async () => {
    const first = await cluster.overGrpc.registerGameServer(server({ gamePort: 9931, realmID: 1 }));
    await assert.rejects(
      cluster.overGrpc.registerGameServer(server({ gamePort: 9931, realmID: 2 })),
      refused(RpcStatus.FAILED_PRECONDITION, /127\.0\.0\.1:9931 is registered for realm 1 by a live worldserver/),
    );
    assert.equal((await cluster.overGrpc.registerGameServer(server({ gamePort: 9931, realmID: 1 }))).id, first.id);
  });

  it("refuses a gateway on a live worldserver's address", async () => {
    await cluster.overGrpc.registerGameServer(server({ gamePort: 9941 }));
    await assert.rejects(
      cluster.overGrpc.registerGateway({ gamePort: 9941, healthPort: 9999, realmID: 1, preferredHostName: "127.0.0.1" }),
      refused(RpcStatus.FAILED_PRECONDITION, /gateway 127\.0\.0\.1:9941 .*shares an address with live worldserver 127\.0\.0\.1:9941/),
    );
  });
});
