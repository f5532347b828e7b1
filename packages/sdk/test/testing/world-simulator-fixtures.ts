/**
 * Test fixtures of the worldserver simulator tests: a registry module serving the registration
 * RPC in a real node (the full registry lives in @tc9/services, which the SDK must not depend on)
 * and a gateway-side link client built from the SDK's framing and codecs.
 */
import { connect, type Socket } from "node:net";
import { defineModule, defineTopology, RpcError, RpcStatus, type Handlers, type Topology } from "@tc9/sdk";
import { ServersRegistryService, type RegisterGameServerRequest } from "@tc9/sdk/contracts";
import {
  createFrameSplitter,
  encodeClientPacket,
  formatOpcode,
  type MessageCodec,
  type WorldFrame,
} from "@tc9/sdk/wow";

/** A registration the fixture registry received, with the caller's peer. */
export interface RecordedRegistration {
  readonly request: RegisterGameServerRequest;
  readonly peer: string;
}

/** A node-hosted registry that records RegisterGameServer calls and answers with ToCloud9-shaped ids. */
export function recordingRegistry(registrations: RecordedRegistration[]): Topology {
  const notHere = (): Promise<never> => Promise.reject(new RpcError(RpcStatus.UNIMPLEMENTED, "the fixture registry only records registrations"));
  const handlers: Handlers<typeof ServersRegistryService> = {
    async registerGameServer(request, call) {
      registrations.push({ request, peer: call.peer });
      const maps = request.availableMaps === "" ? [] : request.availableMaps.split(",").map(Number);
      return { api: "fixture", id: `ws-${registrations.length}`, assignedMaps: maps, alias: `fixture-${registrations.length}` };
    },
    availableGameServersForMapAndRealm: notHere,
    randomGameServerForRealm: notHere,
    listGameServersForRealm: notHere,
    listAllGameServers: notHere,
    gameServerMapsLoaded: notHere,
    bindGroupToGameServer: notHere,
    getMapLayerConfiguration: notHere,
    updateMapLayerConfiguration: notHere,
    getLayerStats: notHere,
    registerGateway: notHere,
    gatewaysForRealms: notHere,
    listGatewaysForRealm: notHere,
    registerMatchmakingServer: notHere,
  };
  const registry = defineModule({ name: "fixture-registry", serves: ServersRegistryService, async start() { return { handlers }; } });
  return defineTopology({ realms: [{ id: 1, name: "Sim" }], nodes: { registry: { modules: [registry] } } });
}

/**
 * The gateway's side of a worldserver link (ToCloud9 `WorldSocket`): frames to the worldserver in
 * client header format, frames from it in server header format, all plaintext.
 */
export class GatewayLinkClient {
  readonly #socket: Socket;
  readonly #frames: WorldFrame[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  readonly closed: Promise<void>;

  private constructor(socket: Socket) {
    this.#socket = socket;
    const splitter = createFrameSplitter({ direction: "server-to-client", maxPayload: 1 << 20 });
    socket.on("data", (chunk: Buffer) => {
      for (const frame of splitter.push(chunk)) this.#frames.push(frame);
      this.#wake?.();
    });
    this.closed = new Promise((resolve) => {
      socket.on("close", () => {
        this.#closed = true;
        this.#wake?.();
        resolve();
      });
    });
    socket.on("error", () => undefined);
  }

  static connect(address: string): Promise<GatewayLinkClient> {
    const [host = "127.0.0.1", port = "0"] = address.split(":");
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port: Number(port) }, () => resolve(new GatewayLinkClient(socket)));
      socket.once("error", reject);
    });
  }

  send<T>(codec: MessageCodec<T>, message: T): void {
    this.sendRaw(encodeClientPacket(codec.opcode, codec.encode(message)));
  }

  sendRaw(bytes: Uint8Array): void {
    this.#socket.write(bytes);
  }

  /** The next frame with `opcode` (frames before it are dropped); fails after `timeoutMs`. */
  async next(opcode: number, timeoutMs = 3_000): Promise<WorldFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#frames.findIndex((frame) => frame.opcode === opcode);
      if (index >= 0) return this.#frames.splice(0, index + 1)[index] as WorldFrame;
      const left = deadline - Date.now();
      if (this.#closed || left <= 0) {
        const seen = this.#frames.map((frame) => formatOpcode(frame.opcode)).join(", ");
        throw new Error(`no ${formatOpcode(opcode)} within ${timeoutMs} ms${this.#closed ? " (link closed)" : ""}; waiting: ${seen}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** The next message of `codec`'s opcode, decoded. */
  async expect<T>(codec: MessageCodec<T>, timeoutMs?: number): Promise<T> {
    return codec.decode((await this.next(codec.opcode, timeoutMs)).payload);
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Opcodes received and not yet consumed. */
  pendingOpcodes(): number[] {
    return this.#frames.map((frame) => frame.opcode);
  }

  close(): void {
    this.#socket.end();
  }

  destroy(): void {
    this.#socket.destroy();
  }
}
