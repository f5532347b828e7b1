import { defineModule } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { loadBuildInfo } from "./logon-store.js";
import { startLogonServer } from "./logon-server.js";
import { SUPPORTED_CLIENT_BUILD } from "./logon-session.js";
import { authOptionsSchema } from "./options.js";

/**
 * The authserver (ToCloud9's `authserver`, AzerothCore's logon protocol): SRP6 logon and
 * reconnect on port 3724 against AzerothCore's auth database, and a realm list whose addresses are
 * each realm's least-loaded gateway from the servers registry. `info()` reports the bound address.
 */
export const authModule = defineModule({
  name: "auth",
  uses: [ServersRegistryService],
  databases: ["auth"],
  options: authOptionsSchema,
  async start(ctx) {
    const db = ctx.databases.auth();
    const builds = await loadBuildInfo(db);
    if (!builds.has(SUPPORTED_CLIENT_BUILD)) {
      ctx.logger.warn(
        { build: SUPPORTED_CLIENT_BUILD },
        "build_info has no row for 3.3.5a (12340), so every logon gets WOW_FAIL_VERSION_INVALID; insert the row AzerothCore ships",
      );
    }
    const { options } = ctx;
    const server = await startLogonServer(
      { host: options.host, port: options.port, idleTimeoutMs: options.idleTimeoutMs, maxConnections: options.maxConnections },
      {
        db,
        options,
        builds,
        registry: ctx.use(ServersRegistryService),
        registryTimeoutMs: options.registryTimeoutMs,
        logger: ctx.logger,
      },
      ctx.logger,
    );
    ctx.logger.info({ address: server.host, port: server.port }, "logon server listening");
    return {
      info: () => ({ address: server.host, port: server.port, connections: server.connectionCount }),
      stop: () => server.stop(),
    };
  },
});
