import { Database } from "@tc9/sdk";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import type { CliIo } from "../../cli-io.js";
import type { HostPort } from "../../option-parsers.js";
import { reportOutcome } from "../../output.js";
import { waitForStop } from "../../stop-signal.js";

/** Parsed options of `tc9 sim`. */
export interface SimOptions {
  readonly registry: HostPort;
  readonly realm: number;
  readonly count: number;
  readonly maps: string;
  readonly host: string;
  readonly charactersDb?: string | undefined;
  readonly json?: boolean | undefined;
}

/** One started worldserver as `tc9 sim` prints it. */
interface StartedWorldserver {
  readonly id: string;
  readonly alias: string;
  readonly gameAddress: string;
  readonly healthAddress: string;
  readonly grpcAddress: string;
  readonly assignedMaps: readonly number[];
}

/**
 * `tc9 sim`: starts `count` simulated worldservers registered with the registry, prints where
 * they listen, waits for SIGINT/SIGTERM (or `io.stopSignal`) and stops them, saving their players.
 * If one fails to start, those already started are stopped and the command fails.
 */
export async function runSim(io: CliIo, options: SimOptions): Promise<void> {
  const charactersDb = options.charactersDb === undefined ? undefined : new Database({ url: options.charactersDb, poolSize: 4 });
  const simulators: WorldSimulator[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    await charactersDb?.close();
  };
  try {
    await reportOutcome(
      io,
      options.json,
      async () => {
        for (let index = 0; index < options.count; index += 1) {
          simulators.push(
            await startWorldSimulator({
              realmId: options.realm,
              registry: formatHostPort(options.registry),
              host: options.host,
              availableMaps: options.maps,
              ...(charactersDb === undefined ? {} : { charactersDb }),
            }),
          );
        }
        return { realmId: options.realm, worldservers: simulators.map(describe) };
      },
      (result, style) =>
        [
          ...result.worldservers.map(
            (server) =>
              `${style.ok("✔")} worldserver ${style.bold(server.alias)} (id ${server.id}) game ${server.gameAddress}, ` +
              `health ${server.healthAddress}, grpc ${server.grpcAddress}, maps ${mapsText(options.maps, server.assignedMaps)}`,
          ),
          style.dim(`${result.worldservers.length} worldserver(s) on realm ${result.realmId}; press Ctrl-C to stop`),
        ].join("\n"),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  await waitForStop(io);
  await stopAll();
}

function describe(simulator: WorldSimulator): StartedWorldserver {
  const { id, alias, gameAddress, healthAddress, grpcAddress, assignedMaps } = simulator;
  return { id, alias, gameAddress, healthAddress, grpcAddress, assignedMaps };
}

function formatHostPort({ host, port }: HostPort): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** "every map" for a worldserver registered without a map list (the registry then gives it a changing share). */
function mapsText(available: string, assigned: readonly number[]): string {
  return available.trim() === "" ? "every map" : assigned.join(",");
}
