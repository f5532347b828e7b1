import { createServer, isIPv4, type AddressInfo, type Server, type Socket } from "node:net";
import { AuthResult, createLogonSplitter, logonChallengeResponseCodec, ProtocolError, type LogonPacket } from "@tc9/sdk/wow";
import type { Logger } from "pino";
import { AuthListenError } from "./errors.js";
import { isIpBanned } from "./logon-store.js";
import { LogonSession, type LogonPeer, type LogonSessionContext } from "./logon-session.js";

/** Where and how the logon server listens. */
export interface LogonServerSettings {
  readonly host: string;
  readonly port: number;
  readonly idleTimeoutMs: number;
  readonly maxConnections: number;
}

/** A listening logon server. */
export interface LogonServer {
  /** The address it bound. */
  readonly host: string;
  /** The port it bound (the real one when 0 was asked for). */
  readonly port: number;
  /** Open client connections. */
  readonly connectionCount: number;
  /** Stops listening, closes every connection and waits for their work to end. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the authserver's TCP listener. Every connection gets a {@link LogonSession}; its packets
 * are cut by the SDK's logon splitter (which bounds every packet's size) and handled one at a
 * time while the socket is paused, so a connection never buffers more than one read. Malformed
 * bytes, an out-of-order packet or an idle connection end that connection only.
 */
export async function startLogonServer(
  settings: LogonServerSettings,
  context: LogonSessionContext,
  logger: Logger,
): Promise<LogonServer> {
  const sockets = new Set<Socket>();
  const work = new Set<Promise<void>>();
  const server: Server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    const done = serveConnection(socket, settings, context, logger);
    work.add(done);
    void done.finally(() => work.delete(done));
  });
  server.maxConnections = settings.maxConnections;
  await listen(server, settings.host, settings.port);
  server.on("error", (error) => logger.error({ err: error }, "logon listener failed"));
  const bound = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    host: bound.address,
    port: bound.port,
    get connectionCount() {
      return sockets.size;
    },
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await Promise.allSettled([...work]);
        await closed;
      })();
      return stopping;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(new AuthListenError(host, port, error));
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve();
    });
  });
}

/** Serves one connection; resolves when its socket has closed and its last packet was handled. */
function serveConnection(socket: Socket, settings: LogonServerSettings, context: LogonSessionContext, parentLogger: Logger): Promise<void> {
  const ip = peerIp(socket.remoteAddress);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  if (ip === undefined) {
    socket.destroy();
    return closed;
  }
  const logger = parentLogger.child({ peer: `${ip}:${socket.remotePort ?? 0}` });
  let finished = false;
  const peer: LogonPeer = {
    ip,
    send(bytes) {
      if (!finished && !socket.destroyed) socket.write(bytes);
    },
    finish(bytes) {
      if (finished) return;
      finished = true;
      if (socket.destroyed) return;
      socket.end(bytes ?? new Uint8Array(0), () => socket.destroy());
    },
  };
  const session = new LogonSession(context, peer, logger);
  const splitter = createLogonSplitter("client-to-server");
  socket.setTimeout(settings.idleTimeoutMs, () => {
    logger.debug("logon connection idle; closing");
    socket.destroy();
  });
  socket.on("error", (error) => logger.debug({ err: error }, "logon connection error"));

  const consume = async (chunk: Buffer): Promise<void> => {
    let packets: LogonPacket[];
    try {
      packets = [...splitter.push(chunk)];
    } catch (error) {
      logger.debug({ err: error }, "malformed logon stream; closing");
      return peer.finish();
    }
    for (const packet of packets) {
      if (finished || socket.destroyed) return;
      try {
        await session.handle(packet);
      } catch (error) {
        if (error instanceof ProtocolError) logger.debug({ err: error }, "malformed logon packet; closing");
        else logger.warn({ err: error }, "logon packet failed; closing the connection");
        return peer.finish();
      }
    }
  };
  const resume = (): void => {
    if (!finished && !socket.destroyed) socket.resume();
  };

  // AzerothCore checks the IP ban when the connection opens, before reading anything.
  let chain = rejectBannedIp(context, peer, logger).then(resume);
  socket.on("data", (chunk: Buffer) => {
    socket.pause();
    chain = chain.then(() => consume(chunk)).then(resume);
  });
  socket.pause();
  return closed.then(() => chain);
}

async function rejectBannedIp(context: LogonSessionContext, peer: LogonPeer, logger: Logger): Promise<void> {
  try {
    if (await isIpBanned(context.db, peer.ip)) {
      logger.info("connection from a banned IP refused");
      peer.finish(logonChallengeResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_BANNED }));
    }
  } catch (error) {
    logger.warn({ err: error }, "could not check the IP ban; closing the connection");
    peer.finish();
  }
}

/** The peer's IP as AzerothCore stores it: IPv4-mapped IPv6 addresses unwrapped. */
function peerIp(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const mapped = /^::ffff:(.+)$/i.exec(address)?.[1];
  return mapped !== undefined && isIPv4(mapped) ? mapped : address;
}
