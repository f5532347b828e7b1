import { createServer, type AddressInfo, type Server } from "node:net";
import { ClientConnection, type ClientLimits } from "./client-connection.js";
import { listenError } from "./errors.js";
import { GatewaySession, type SessionDeps } from "./gateway-session.js";

/** Where and how the game port listens. */
export interface GameListenerSettings {
  readonly host: string;
  readonly port: number;
  readonly maxConnections: number;
  readonly limits: ClientLimits;
}

/** The listening game port. */
export interface GameListener {
  readonly host: string;
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  /** Sessions whose character is in a world (or entering one). */
  charactersInWorld(): number;
  /** Stops accepting, ends every session (characters leave their worlds) and waits for the sockets to close. */
  stop(): Promise<void>;
}

/**
 * Opens the gateway's game port (8085): every accepted client gets a {@link ClientConnection}
 * and a {@link GatewaySession}; the open-session gauge follows the sockets.
 */
export async function startGameListener(settings: GameListenerSettings, deps: SessionDeps): Promise<GameListener> {
  const sessions = new Map<GatewaySession, Promise<void>>();
  const server: Server = createServer({ noDelay: true }, (socket) => {
    const connection = new ClientConnection(socket, settings.limits, deps.metrics, deps.logger);
    deps.metrics.sessionOpened();
    const session = new GatewaySession(connection, deps);
    sessions.set(
      session,
      new Promise((resolve) =>
        connection.onClose(() => {
          sessions.delete(session);
          deps.metrics.sessionClosed();
          resolve();
        }),
      ),
    );
  });
  server.maxConnections = settings.maxConnections;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => reject(listenError("game clients", settings.host, settings.port, error));
    server.once("error", fail);
    server.listen(settings.port, settings.host, () => {
      server.off("error", fail);
      resolve();
    });
  });
  server.on("error", (error) => deps.logger.error({ err: error }, "game listener failed"));
  const bound = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    host: bound.address,
    port: bound.port,
    charactersInWorld: () => [...sessions.keys()].filter((session) => session.character !== undefined).length,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        const ends = [...sessions.values()];
        for (const session of sessions.keys()) session.close("the gateway is stopping");
        await Promise.all(ends);
        await closed;
      })();
      return stopping;
    },
  };
}
