/**
 * A node hosting the characters module against scratch databases and the shared NATS server
 * (under a subject prefix of its own), for the service tests.
 */
import { createLogger, defineTopology, startNode, type Client, type RunningNode } from "@tc9/sdk";
import { CharactersService } from "@tc9/sdk/contracts";
import { createScratchDatabase, uniqueSubjectPrefix } from "@tc9/sdk/testing";
import type { ScratchDatabase } from "./scratch.js";
import { charactersModule, type CharactersOptions } from "../../../src/characters/index.js";
import { eventually } from "@tc9/sdk/testing";

export { eventually };

export const NATS_URL = "nats://127.0.0.1:4222";

export interface CharactersNode {
  readonly node: RunningNode;
  readonly client: Client<typeof CharactersService>;
  readonly characters: ScratchDatabase;
  readonly world: ScratchDatabase;
  /** Stops the node and drops the databases. */
  stop(): Promise<void>;
}

export interface CharactersNodeOptions {
  readonly source?: "tc9" | "azerothcore-fixtures";
  readonly realmId?: number;
  readonly options?: Partial<{ who: Partial<CharactersOptions["who"]> }>;
  /** Runs before the node starts, e.g. to seed rows. */
  readonly seed?: (databases: { characters: ScratchDatabase; world: ScratchDatabase }) => Promise<void>;
}

export async function startCharactersNode(settings: CharactersNodeOptions = {}): Promise<CharactersNode> {
  const source = settings.source ?? "tc9";
  const [characters, world] = await Promise.all([
    createScratchDatabase({ schema: "characters", source }),
    createScratchDatabase({ schema: "world", source }),
  ]);
  let node: RunningNode | undefined;
  const stop = async (): Promise<void> => {
    await node?.stop();
    await Promise.all([characters.drop(), world.drop()]);
  };
  try {
    await settings.seed?.({ characters, world });
    const topology = defineTopology({
      realms: [
        { id: settings.realmId ?? 1, name: "Test", databases: { characters: characters.url, world: world.url } },
      ],
      bus: { kind: "nats", servers: NATS_URL, subjectPrefix: uniqueSubjectPrefix("characters") },
      nodes: { main: { modules: [{ module: charactersModule, options: settings.options ?? {} }] } },
    });
    node = await startNode(topology, "main", { logger: createLogger({ level: "silent" }) });
    await node.started();
    await eventually("the node's bus to connect to NATS", () => node?.bus.ready() ?? false);
    return { node, client: node.use(CharactersService), characters, world, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

