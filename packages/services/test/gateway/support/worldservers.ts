/**
 * The extra simulated worldservers of a move test (next to the realm's every-map simulator), and
 * the checks every move test makes: which worldserver has a character in its world, and whether
 * the relay works end to end for it.
 */
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { startWorldSimulator, type HeadlessClient, type WorldSimulator, type WorldSimulatorOptions } from "@tc9/sdk/testing";
import { Opcode, serverChatMessageCodec } from "@tc9/sdk/wow";
import type { GatewayRealm } from "./gateway-realm.js";
import { whenRouted } from "./players.js";

/** What a test may set on one of its simulators beyond the realm, registry and database. */
export type ExtraSimulatorOptions = Partial<Omit<WorldSimulatorOptions, "realmId" | "registry" | "charactersDb">>;

export class Worldservers {
  readonly #realm: GatewayRealm;
  readonly #started: WorldSimulator[] = [];

  constructor(realm: GatewayRealm) {
    this.#realm = realm;
  }

  /** A simulator of realm 1 for `availableMaps` ("" = every map), 10 ms ticks. */
  async start(availableMaps: string, options: ExtraSimulatorOptions = {}): Promise<WorldSimulator> {
    const sim = await startWorldSimulator({
      realmId: 1, registry: this.#realm.node.use(ServersRegistryService), charactersDb: this.#realm.characters, availableMaps, tickMs: 10, ...options,
    });
    this.#started.push(sim);
    return sim;
  }

  /** A simulator owning `map`, once the registry routes the map to it. */
  async ownerOf(map: number): Promise<WorldSimulator> {
    const sim = await this.start(String(map));
    await whenRouted(this.#realm, map, sim.gameAddress);
    return sim;
  }

  /** The simulators (the realm's and these) that have `guid` in their world. */
  hostsOf(guid: bigint): WorldSimulator[] {
    return [this.#realm.simulator, ...this.#started].filter((sim) =>
      sim.sessions().some((session) => session.state === "in-world" && session.character?.guid === guid),
    );
  }

  /** Stops every simulator started here (players are saved). */
  async stopAll(): Promise<void> {
    for (const sim of this.#started.splice(0)) await sim.stop();
  }
}

/** Says something and waits to hear it back: the relay works end to end for that character. */
export async function echoes(client: HeadlessClient, guid: bigint, text: string): Promise<void> {
  const heard = client.waitFor(Opcode.SMSG_MESSAGECHAT, (message) => serverChatMessageCodec.decode(message.payload).senderGuid === guid);
  client.say(text);
  await heard;
}
