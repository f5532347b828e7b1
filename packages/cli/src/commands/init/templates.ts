import type { ProjectSettings } from "./project-settings.js";

/** The files `tc9 init` writes, by path relative to the project directory. */
export function projectFiles(settings: ProjectSettings): ReadonlyArray<readonly [string, string]> {
  return [
    ["package.json", packageJson(settings)],
    ["tc9.config.ts", configFile(settings)],
    ["README.md", readme(settings)],
    [".gitignore", "node_modules/\n.tc9/\n"],
  ];
}

function packageJson(settings: ProjectSettings): string {
  const { sdk, services, cli } = settings.dependencies;
  const local = [sdk, services, cli].some((spec) => spec.startsWith("file:"));
  const manifest = {
    name: settings.packageName,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      up: "tc9 up",
      down: "tc9 down",
      top: "tc9 top",
      bots: `tc9 bots --auth 127.0.0.1:3724 --count 10 --accounts bot --password botpass --create-accounts --auth-db ${settings.mysqlUrl}/tc9_auth`,
    },
    dependencies: { "@tc9/sdk": sdk, "@tc9/services": services, tc9: cli },
    // Local tarballs: tc9's packages depend on each other by version; point those at the tarballs too.
    ...(local ? { overrides: { "@tc9/sdk": sdk, "@tc9/services": services } } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function busLine(settings: ProjectSettings): string {
  return settings.bus.kind === "local"
    ? `  // "local": events stay inside the one node. For several nodes use NATS with JetStream (nats://host:4222).
  bus: process.env["TC9_NATS_URL"] ?? "local",`
    : `  // NATS with JetStream; "local" keeps events inside one node (single-node realms only).
  bus: process.env["TC9_NATS_URL"] ?? ${JSON.stringify(settings.bus.url)},`;
}

function configFile(settings: ProjectSettings): string {
  const simulated = settings.worldservers.kind === "simulated" ? settings.worldservers : undefined;
  const worldModules = simulated
    ? `
        // Simulated worldservers (tc9's stand-in for AzerothCore in cluster mode): enough to log in,
        // create characters, enter the world, chat and teleport. Replace with real worldservers later.
        { module: simulatorsModule, options: { count: ${simulated.count} } },`
    : "";
  const registryGrpc = simulated
    ? ""
    : `
      // Real AzerothCore worldservers (cluster mode, ToCloud9 sidecar) register with the servers
      // registry here: set their registry address to this host and port.
      grpc: { host: "127.0.0.1", port: 8999 },`;
  return `// The realm: which modules run, on which nodes, with which databases. \`tc9 up\` starts it.
import { defineTopology } from "@tc9/sdk";
import { authModule, charactersModule, gatewayModule, guidModule, registryModule${simulated ? ", simulatorsModule" : ""} } from "@tc9/services";

// ── Settings: credentials and addresses. Edit them here, or set the environment variables. ──
const settings = {
  realmName: process.env["TC9_REALM_NAME"] ?? ${JSON.stringify(settings.realmName)},
  // The MariaDB server, without a database; the three databases below are created on it if missing.
  mysqlUrl: process.env["TC9_MYSQL_URL"] ?? ${JSON.stringify(settings.mysqlUrl)},
  databases: {
    auth: process.env["TC9_AUTH_DATABASE"] ?? "tc9_auth",
    characters: process.env["TC9_CHARACTERS_DATABASE"] ?? "tc9_characters",
    world: process.env["TC9_WORLD_DATABASE"] ?? "tc9_world",
  },
${busLine(settings)}
  // Where players connect. The game client always dials 3724 for its logon; 0 picks a free port.
  host: process.env["TC9_HOST"] ?? "127.0.0.1",
  authPort: Number(process.env["TC9_AUTH_PORT"] ?? 3724),
  gatewayPort: Number(process.env["TC9_GATEWAY_PORT"] ?? 8085),
  // The address the realm list gives clients for the world port (another machine's view of this one).
  publicHost: process.env["TC9_PUBLIC_HOST"] ?? "127.0.0.1",
};

const database = (name: string): string => \`\${settings.mysqlUrl.replace(/\\/+$/, "")}/\${name}\`;

export default defineTopology({
  name: ${JSON.stringify(settings.packageName)},
  realms: [
    {
      id: 1,
      name: settings.realmName,
      databases: { characters: database(settings.databases.characters), world: database(settings.databases.world) },
    },
  ],
  databases: { auth: database(settings.databases.auth) },
  bus: settings.bus === "local" ? { kind: "local" } : { kind: "nats", servers: settings.bus },
  nodes: {
    // One node: every service in one process (tc9 up runs it inside its own process).
    realm: {${registryGrpc}
      modules: [
        registryModule,
        { module: authModule, options: { host: settings.host, port: settings.authPort } },
        charactersModule,
        guidModule,
        {
          module: gatewayModule,
          options: { host: settings.host, port: settings.gatewayPort, realmId: 1, publicHost: settings.publicHost, health: { host: "127.0.0.1", port: 0 } },
        },${worldModules}
      ],
    },
  },
  // Several nodes instead (tc9 up runs each as its own process; the bus must be NATS), e.g.:
  //   nodes: {
  //     core: { grpc: { port: 8999 }, modules: [registryModule, charactersModule, guidModule] },
  //     edge: { modules: [{ module: authModule, options: { port: settings.authPort } }, { module: gatewayModule, options: { port: settings.gatewayPort, publicHost: settings.publicHost } }] },
${simulated ? `  //     world: { modules: [{ module: simulatorsModule, options: { count: ${simulated.count} } }] },\n` : ""}  //   },
});
`;
}

function readme(settings: ProjectSettings): string {
  const worldservers =
    settings.worldservers.kind === "simulated"
      ? `${settings.worldservers.count} simulated worldservers`
      : "real AzerothCore worldservers (cluster mode) that register with the servers registry at 127.0.0.1:8999";
  return `# ${settings.realmName}

A tc9 realm: auth, characters, guid, servers registry and gateway in one node, with ${worldservers}.
Settings (MariaDB, NATS, ports, the address clients are sent to) are at the top of \`tc9.config.ts\`
or in environment variables of the same names.

## Run it

\`\`\`sh
npm install                              # once
npx tc9 up                               # checks MariaDB/NATS/ports, creates the databases, starts the realm
npx tc9 account create alice secret --auth-db ${settings.mysqlUrl}/tc9_auth
npx tc9 top                              # the live view (tc9 up shows it too, on a terminal)
npx tc9 logs -f                          # the nodes' logs (.tc9/logs/)
npx tc9 down                             # stop (or Ctrl-C in tc9 up); players in the world are saved
\`\`\`

\`npx tc9 up --account alice:secret\` creates the account as the realm starts.

## Play

Point a World of Warcraft 3.3.5a client (build 12340) at the realm: in its \`realmlist.wtf\`, write

    set realmlist 127.0.0.1

(or the address of this machine; then set \`host\` to \`0.0.0.0\` and \`publicHost\` to that address in
\`tc9.config.ts\`). Log in as alice. Headless bots play a short scenario with \`npm run bots\`.

## When something fails

\`tc9 up\` refuses to start when MariaDB or NATS does not answer or a port is taken, and says
which setting to change. A node that dies is restarted with backoff (\`tc9 top\` shows restarts);
its log is \`.tc9/logs/<node>.log\`. \`tc9 doctor\` checks the databases, NATS and ports in detail.
`;
}
