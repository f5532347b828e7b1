import { lstat, unlink } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import type { Logger } from "pino";
import { SidecarError } from "../errors.js";
import { FromLibrary, Outcome, PROTOCOL_VERSION, ToLibrary, type HookKind, type RequestKind } from "./protocol.js";
import { BodyReader, BodyWriter, createFrameSplitter, encodeFrame, type Frame } from "./wire.js";

/** What the library says when it connects (`TC9InitLib`'s arguments). */
export interface LibraryHello {
  readonly protocol: number;
  readonly abi: { readonly major: number; readonly minor: number; readonly patch: number };
  readonly pid: number;
  readonly gamePort: number;
  readonly realmId: number;
  readonly isCrossRealm: boolean;
  readonly availableMaps: string;
}

/** The registration result sent back in WELCOME. */
export type Welcome =
  | { readonly registered: true; readonly serverId: string; readonly assignedMaps: readonly number[] }
  | { readonly registered: false; readonly error: string };

/** An inclusive GUID range. */
export interface GuidRange {
  readonly first: bigint;
  readonly last: bigint;
}

/** What the bridge asks of the cluster side. Each runs in this process, never on the world thread. */
export interface BridgeHandlers {
  /** Registers the worldserver; called for every new library connection. */
  onHello(hello: LibraryHello): Promise<Welcome>;
  onGuidRequest(type: number, realmId: number, desired: bigint): Promise<GuidRange[]>;
  /** Called after the connection's registration finished. */
  onMapsReady(maps: number[]): Promise<void>;
  onNotify(kind: number, body: BodyReader): Promise<void>;
  onNatsPublish(subject: string, payload: Uint8Array): Promise<void>;
  onNatsSubscribe(subscriptionId: number, subject: string): Promise<void>;
  /** Answers a blocking library call; the returned body follows the ok byte. */
  onCall(kind: number, body: BodyReader): Promise<Uint8Array>;
}

/** Options of {@link startBridgeServer}. */
export interface BridgeServerOptions {
  /** Unix domain socket path (`TC9_SIDECAR_SOCKET`); a stale socket file is replaced. */
  readonly socketPath: string;
  readonly handlers: BridgeHandlers;
  readonly logger?: Logger;
  /** A connection that sends no HELLO within this is closed; default 10 000 ms. */
  readonly helloTimeoutMs?: number;
  /** Unsent bytes above this close the connection (the library is not reading); default 64 MiB. */
  readonly maxBufferedBytes?: number;
}

interface PendingRequest {
  resolve(body: BodyReader): void;
  reject(error: SidecarError): void;
  timer: NodeJS.Timeout;
}

interface Connection {
  readonly socket: Socket;
  hello: LibraryHello | undefined;
  registered: Promise<void>;
}

/** The running bridge: one worldserver library connection at a time. */
export interface BridgeServer {
  /** True while a library is connected and has said HELLO. */
  connected(): boolean;
  /** The connected library's HELLO. */
  hello(): LibraryHello | undefined;
  /**
   * Queues a request for the world loop and resolves with the response body. Rejects with
   * DEADLINE when the world loop does not run it within `deadlineMs` (the library then skips it),
   * NOT_CONNECTED / DISCONNECTED when there is no library, MALFORMED when it could not read it.
   */
  request(kind: RequestKind, body: Uint8Array, deadlineMs: number): Promise<BodyReader>;
  /** Queues a hook delivery; false when no library is connected. */
  hook(kind: HookKind, body: Uint8Array): boolean;
  /** Delivers a NATS message to a library subscription; false when no library is connected. */
  natsMessage(subscriptionId: number, subject: string, payload: Uint8Array): boolean;
  close(): Promise<void>;
}

function readHello(body: BodyReader): LibraryHello {
  const protocol = body.readU16();
  const abi = { major: body.readU16(), minor: body.readU16(), patch: body.readU16() };
  const pid = body.readU32();
  const gamePort = body.readU16();
  const realmId = body.readU32();
  const isCrossRealm = body.readU8() !== 0;
  return { protocol, abi, pid, gamePort, realmId, isCrossRealm, availableMaps: body.str() };
}

function welcomeBody(welcome: Welcome): Uint8Array {
  const w = new BodyWriter();
  if (welcome.registered) w.writeU8(1).str(welcome.serverId).u32List(welcome.assignedMaps);
  else w.writeU8(0).str(welcome.error).u32List([]);
  return w.toBytes();
}

async function removeStaleSocket(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat) return;
  if (!stat.isSocket()) throw new SidecarError("TC9_ERR_SIDECAR_LISTEN", `${path} exists and is not a socket; point TC9_SIDECAR_SOCKET elsewhere`);
  await unlink(path);
}

/** Listens on the Unix socket the library connects to. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { handlers, logger } = options;
  const helloTimeoutMs = options.helloTimeoutMs ?? 10_000;
  const maxBuffered = options.maxBufferedBytes ?? 64 * 1024 * 1024;
  const pending = new Map<number, PendingRequest>();
  let current: Connection | undefined;
  let nextRequestId = 1;

  const failPending = (code: "TC9_ERR_SIDECAR_DISCONNECTED", message: string): void => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.reject(new SidecarError(code, message));
      pending.delete(id);
    }
  };

  const send = (connection: Connection | undefined, type: number, id: number, body?: Uint8Array): boolean => {
    if (!connection || connection.socket.destroyed || !connection.hello) return false;
    if (connection.socket.writableLength > maxBuffered) {
      logger?.error({ buffered: connection.socket.writableLength }, "worldserver library is not reading; closing its connection");
      connection.socket.destroy();
      return false;
    }
    connection.socket.write(encodeFrame(type, id, body));
    return true;
  };

  const answerResponse = (frame: Frame): void => {
    const request = pending.get(frame.id);
    if (!request) return;
    pending.delete(frame.id);
    clearTimeout(request.timer);
    const body = new BodyReader(frame.body);
    const outcome = body.readU8();
    if (outcome === Outcome.Done) request.resolve(body);
    else if (outcome === Outcome.Expired)
      request.reject(new SidecarError("TC9_ERR_SIDECAR_DEADLINE", "the world loop did not run the request before its deadline; nothing was done"));
    else request.reject(new SidecarError("TC9_ERR_SIDECAR_MALFORMED", "the worldserver library could not read the request; rebuild libsidecar and the sidecar from the same tc9 version"));
  };

  const handleFrame = async (connection: Connection, frame: Frame): Promise<void> => {
    const body = new BodyReader(frame.body);
    switch (frame.type) {
      case FromLibrary.Response:
        return answerResponse(frame);
      case FromLibrary.GuidRequest: {
        const type = body.readU8();
        const realmId = body.readU32();
        const ranges = await handlers.onGuidRequest(type, realmId, body.readU64());
        const w = new BodyWriter().writeU8(type).writeU32(realmId).writeU32(ranges.length);
        for (const range of ranges) w.writeU64(range.first).writeU64(range.last);
        send(connection, ToLibrary.GuidPool, 0, w.toBytes());
        return;
      }
      case FromLibrary.MapsReady:
        await connection.registered;
        return handlers.onMapsReady(body.u32List());
      case FromLibrary.Notify:
        await connection.registered;
        return handlers.onNotify(body.readU8(), body);
      case FromLibrary.NatsPublish:
        return handlers.onNatsPublish(body.str(), body.byteRun());
      case FromLibrary.NatsSubscribe:
        return handlers.onNatsSubscribe(frame.id, body.str());
      case FromLibrary.Call: {
        const result = await handlers.onCall(body.readU8(), body).then(
          (answer) => new BodyWriter().writeU8(1).writeBytes(answer).toBytes(),
          (error: unknown) => {
            logger?.warn({ err: error }, "library call failed");
            return Uint8Array.of(0);
          },
        );
        send(connection, ToLibrary.CallResult, frame.id, result);
        return;
      }
      default:
        logger?.debug({ type: frame.type }, "ignoring unknown frame from the worldserver library");
    }
  };

  const accept = (socket: Socket): void => {
    const connection: Connection = { socket, hello: undefined, registered: Promise.resolve() };
    const helloTimer = setTimeout(() => {
      logger?.warn("worldserver library sent no HELLO in time; closing its connection");
      socket.destroy();
    }, helloTimeoutMs);
    const onFrame = (frame: Frame): void => {
      if (!connection.hello) {
        if (frame.type !== FromLibrary.Hello) throw new RangeError(`expected HELLO, got frame type ${frame.type}`);
        clearTimeout(helloTimer);
        const hello = readHello(new BodyReader(frame.body));
        if (hello.protocol !== PROTOCOL_VERSION) throw new RangeError(`bridge protocol ${hello.protocol} is not ${PROTOCOL_VERSION}`);
        connection.hello = hello;
        if (current && current !== connection) {
          logger?.warn("a second worldserver library connected; the previous connection is closed");
          current.socket.destroy();
        }
        current = connection;
        connection.registered = handlers.onHello(hello).then(
          (welcome) => void send(connection, ToLibrary.Welcome, 0, welcomeBody(welcome)),
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            send(connection, ToLibrary.Welcome, 0, welcomeBody({ registered: false, error: message }));
            throw error;
          },
        );
        connection.registered.catch((error: unknown) => logger?.error({ err: error }, "registering the worldserver failed"));
        return;
      }
      handleFrame(connection, frame).catch((error: unknown) => logger?.error({ err: error, type: frame.type }, "handling a library frame failed"));
    };
    const split = createFrameSplitter(onFrame);
    socket.on("data", (chunk: Buffer) => {
      try {
        split(chunk);
      } catch (error) {
        logger?.error({ err: error }, "malformed input from the worldserver library; closing its connection");
        socket.destroy();
      }
    });
    socket.on("error", (error) => logger?.warn({ err: error }, "worldserver library connection error"));
    socket.on("close", () => {
      clearTimeout(helloTimer);
      if (current !== connection) return;
      current = undefined;
      failPending("TC9_ERR_SIDECAR_DISCONNECTED", "the worldserver library disconnected before answering; the request may not have run");
      logger?.warn("worldserver library disconnected");
    });
  };

  await removeStaleSocket(options.socketPath);
  const server: Server = createServer(accept);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new SidecarError("TC9_ERR_SIDECAR_LISTEN", `cannot listen on ${options.socketPath}: ${error.message}`, { cause: error })));
    server.listen(options.socketPath, () => resolve());
  });

  return {
    connected: () => current?.hello !== undefined && !current.socket.destroyed,
    hello: () => current?.hello,
    request(kind, body, deadlineMs) {
      const connection = current;
      if (!connection?.hello) {
        return Promise.reject(new SidecarError("TC9_ERR_SIDECAR_NOT_CONNECTED", "no worldserver library is connected; is the worldserver running in cluster mode?"));
      }
      const id = nextRequestId;
      nextRequestId = nextRequestId >= 0xffffffff ? 1 : nextRequestId + 1;
      return new Promise<BodyReader>((resolve, reject) => {
        // The library skips a request past its deadline; the grace covers the answer's way back.
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new SidecarError("TC9_ERR_SIDECAR_DEADLINE", `the world loop did not answer within ${deadlineMs} ms`));
        }, deadlineMs + 1_000);
        pending.set(id, { resolve, reject, timer });
        const frame = new BodyWriter().writeU8(kind).writeU32(deadlineMs).writeBytes(body).toBytes();
        if (!send(connection, ToLibrary.Request, id, frame)) {
          clearTimeout(timer);
          pending.delete(id);
          reject(new SidecarError("TC9_ERR_SIDECAR_NOT_CONNECTED", "the worldserver library connection is closing"));
        }
      });
    },
    hook: (kind, body) => send(current, ToLibrary.Hook, 0, new BodyWriter().writeU8(kind).writeBytes(body).toBytes()),
    natsMessage: (subscriptionId, subject, payload) =>
      send(current, ToLibrary.NatsMessage, subscriptionId, new BodyWriter().str(subject).byteRun(payload).toBytes()),
    async close() {
      current?.socket.destroy();
      failPending("TC9_ERR_SIDECAR_DISCONNECTED", "the sidecar is stopping");
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await unlink(options.socketPath).catch(() => undefined);
    },
  };
}
