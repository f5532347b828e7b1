// The embedded default as a topology for `tc9 up` (the root's `npm run realm`): the servers
// registry, auth (3724), characters, guid, the gateway (8085) and two simulated worldservers, all
// in one node on the local bus, on MariaDB at 127.0.0.1:3306 (databases tc9_auth, tc9_characters
// and tc9_world, created with their tables on the first start). Environment variables override
// the settings.
import { defineTopology } from "@tc9/sdk";
import { authModule, charactersModule, gatewayModule, guidModule, registryModule, simulatorsModule } from "@tc9/services";

const mysqlUrl = (process.env["TC9_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306").replace(/\/+$/, "");
const host = process.env["TC9_HOST"] ?? "127.0.0.1";
const publicHost = process.env["TC9_PUBLIC_HOST"] ?? (host === "0.0.0.0" ? "127.0.0.1" : host);

export default defineTopology({
  name: "embedded-realm",
  realms: [{ id: 1, name: process.env["TC9_REALM_NAME"] ?? "tc9", databases: { characters: `${mysqlUrl}/tc9_characters`, world: `${mysqlUrl}/tc9_world` } }],
  databases: { auth: `${mysqlUrl}/tc9_auth` },
  bus: { kind: "local" },
  nodes: {
    realm: {
      modules: [
        registryModule,
        { module: authModule, options: { host, port: Number(process.env["TC9_AUTH_PORT"] ?? 3724) } },
        charactersModule,
        guidModule,
        {
          module: gatewayModule,
          options: { host, port: Number(process.env["TC9_GATEWAY_PORT"] ?? 8085), realmId: 1, publicHost, health: { host: "127.0.0.1", port: 0 } },
        },
        { module: simulatorsModule, options: { count: 2 } },
      ],
    },
  },
});
