import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { authChallengeCodec } from "../../wow/world/messages/auth-challenge.js";
import { GatewayLink, type LinkLimits } from "./gateway-link.js";
import { packetOf } from "./login-sequence.js";
import type { SimulatorLog } from "./simulator-log.js";
import { WorldSession, type SessionContext } from "./world-session.js";

/** The game port: where gateways open their links. */
export interface GameListener {
  readonly port: number;
  readonly sessions: ReadonlySet<WorldSession>;
  /** Stops accepting links; resolves once every open link has closed. */
  close(): Promise<void>;
  /** Stops accepting and cuts every link at once. */
  kill(): void;
}

/** Listener settings. */
export interface GameListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly limits: LinkLimits;
  /** Links beyond this many are refused. */
  readonly maxLinks: number;
  readonly context: SessionContext;
  readonly log: SimulatorLog;
}

/**
 * Accepts gateway links on the game port. Each link gets a {@link WorldSession} and, like
 * AzerothCore's `WorldSocket` on start, an SMSG_AUTH_CHALLENGE (ToCloud9's gateway waits for a
 * first packet and drops that one).
 */
export async function startGameListener(options: GameListenerOptions): Promise<GameListener> {
  const sessions = new Set<WorldSession>();
  const accept = (socket: Socket): void => {
    const session = new WorldSession(options.context);
    const link = new GatewayLink(
      socket,
      options.limits,
      {
        frame: (frame) => session.receive(frame),
        malformed: () => options.context.countLinkError(),
        closed: (reason) => {
          sessions.delete(session);
          session.linkClosed(reason);
        },
      },
      options.log,
    );
    session.attach(link);
    sessions.add(session);
    link.send(packetOf(authChallengeCodec, { unknown: 1, serverSeed: randomBytes(4), seed: randomBytes(32) }));
  };
  const server: Server = createServer(accept);
  server.maxConnections = options.maxLinks;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => options.log.error({ err: error }, "game listener error"));
  return {
    port: (server.address() as AddressInfo).port,
    sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    kill: () => {
      server.close();
      for (const session of sessions) session.kill();
    },
  };
}
