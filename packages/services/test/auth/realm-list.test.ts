// The realm list with the real servers registry: each realm's address is its least-loaded live
// gateway, a realm without one is offline, and the list follows gateways as they come and go.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { logon } from "@tc9/sdk/testing";
import { RealmFlag, type RealmEntry } from "@tc9/sdk/wow";
import { registryModule } from "../../src/registry/index.js";
import { addAccount, startAuthRealm, type AuthRealm } from "./support/auth-realm.js";
import { GatewayHealth } from "./support/gateway-health.js";

describe("auth module: realm list from the servers registry", () => {
  let realm: AuthRealm;
  let gatewayA: GatewayHealth;
  let gatewayB: GatewayHealth;
  before(async () => {
    realm = await startAuthRealm({ registry: { module: registryModule, options: { intervalMs: 50, timeoutMs: 500, failuresToRemove: 1 } } });
    await realm.db.execute("INSERT INTO realmlist (id, name, address, port, flag, gamebuild) VALUES (2, 'Gatewayless', '10.0.0.2', 8090, 0, 12340)");
    await addAccount(realm.db, "olga", "realms");
    gatewayA = await GatewayHealth.start();
    gatewayB = await GatewayHealth.start();
  });
  after(async () => {
    await realm.stop();
    await gatewayA.close();
    await gatewayB.close();
  });

  const realmList = async (): Promise<readonly RealmEntry[]> =>
    (await logon({ host: realm.host, port: realm.port, username: "olga", password: "realms" })).realms;

  /** Polls the realm list until realm 1 has `address` and `flags` (health checks run every 50 ms). */
  const realmOneBecomes = async (address: string, flags: number): Promise<readonly RealmEntry[]> => {
    let realms: readonly RealmEntry[] = [];
    for (let waited = 0; waited < 3000; waited += 50) {
      realms = await realmList();
      if (realms[0]?.address === address && realms[0]?.flags === flags) return realms;
      await sleep(50);
    }
    assert.fail(`realm 1 never became ${address} with flags ${flags}: ${JSON.stringify(realms)}`);
  };

  it("points each realm at its least-loaded gateway and lists realms without one as offline", async () => {
    const registry = realm.node.use(ServersRegistryService);
    gatewayA.activeConnections = 40;
    gatewayB.activeConnections = 3;
    await registry.registerGateway({ gamePort: 8085, healthPort: gatewayA.port, realmID: 1, preferredHostName: "gw-a.example" });
    await registry.registerGateway({ gamePort: 8086, healthPort: gatewayB.port, realmID: 1, preferredHostName: "gw-b.example" });
    const realms = await realmOneBecomes("gw-b.example:8086", RealmFlag.NONE);
    assert.deepEqual(
      realms.map(({ id, name, address, flags }) => ({ id, name, address, flags })),
      [
        { id: 1, name: "Tc9Test", address: "gw-b.example:8086", flags: RealmFlag.NONE },
        { id: 2, name: "Gatewayless", address: "10.0.0.2:8090", flags: RealmFlag.OFFLINE },
      ],
    );
  });

  it("moves to the next gateway when one dies, and goes offline when none is left", async () => {
    gatewayB.healthy = false;
    await realmOneBecomes("gw-a.example:8085", RealmFlag.NONE);
    gatewayA.healthy = false;
    await realmOneBecomes("127.0.0.1:8085", RealmFlag.OFFLINE);
  });
});
