/** Nodes hosting the guid module against scratch characters databases, for the guid tests. */
import { createLogger, defineModule, defineTopology, startNode, type Client, type RunningNode, type Topology } from "@tc9/sdk";
import { GuidService } from "@tc9/sdk/contracts";
import { guidModule, type GuidOptions } from "../../../src/guid/index.js";

/** A realm of the test topology and the URL of its characters database. */
export interface GuidRealm {
  readonly id: number;
  readonly charactersUrl: string;
}

/** Listen ports of a node that other processes must reach. */
export interface NodePorts {
  readonly grpc: number;
  readonly http: number;
}

const quiet = createLogger({ level: "silent" });

function realmsOf(realms: readonly GuidRealm[]): Array<{ id: number; name: string; databases: { characters: string } }> {
  return realms.map((realm) => ({ id: realm.id, name: `Realm ${realm.id}`, databases: { characters: realm.charactersUrl } }));
}

/** One node named `guid` hosting the guid module (on `ports` when given, else on free ports). */
export function guidTopology(realms: readonly GuidRealm[], options: Partial<GuidOptions> = {}, ports?: NodePorts): Topology {
  return defineTopology({
    realms: realmsOf(realms),
    nodes: {
      guid: {
        modules: [{ module: guidModule, options }],
        ...(ports ? { grpc: { port: ports.grpc }, http: { port: ports.http } } : {}),
      },
    },
  });
}

/** A module that only calls GuidService, so that a node of the test process can reach a guid node elsewhere. */
const guidCaller = defineModule({ name: "guid-caller", uses: [GuidService], start: async () => ({}) });

/**
 * The `caller` node of a topology whose `guid` node runs in another process on `ports`: its
 * `use(GuidService)` goes over gRPC.
 */
export function remoteCallerTopology(realms: readonly GuidRealm[], ports: NodePorts): Topology {
  return defineTopology({
    realms: realmsOf(realms),
    nodes: {
      guid: { modules: [guidModule], grpc: { port: ports.grpc }, http: { port: ports.http } },
      caller: { modules: [guidCaller] },
    },
  });
}

/** A started node and a GuidService client bound to it. */
export interface GuidNode {
  readonly node: RunningNode;
  readonly guids: Client<typeof GuidService>;
}

/** Starts the `guid` node in this process and waits until its module has started. */
export async function startGuidNode(realms: readonly GuidRealm[], options: Partial<GuidOptions> = {}): Promise<GuidNode> {
  const node = await startNode(guidTopology(realms, options), "guid", { logger: quiet });
  try {
    await node.started();
  } catch (error) {
    await node.stop();
    throw error;
  }
  return { node, guids: node.use(GuidService) };
}

/** Starts the `caller` node of `remoteCallerTopology` in this process. */
export async function startRemoteCaller(realms: readonly GuidRealm[], ports: NodePorts): Promise<GuidNode> {
  const node = await startNode(remoteCallerTopology(realms, ports), "caller", { logger: quiet });
  await node.started();
  return { node, guids: node.use(GuidService) };
}
