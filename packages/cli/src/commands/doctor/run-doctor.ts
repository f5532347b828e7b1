import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_ENV, CHARACTERS_DB_ENV, NATS_URL_ENV } from "../../connection-flags.js";
import { CommandFailedError } from "../../errors.js";
import type { HostPort } from "../../option-parsers.js";
import { printJson } from "../../output.js";
import { environmentSource, flagSource, resolveDatabases } from "../../resolve-databases.js";
import { styleFor } from "../../style.js";
import { renderCheck, renderSummary, type CheckResult } from "./check-result.js";
import { checkDatabase } from "./database-checks.js";
import { checkNats } from "./nats-check.js";
import { checkPortsFree } from "./port-checks.js";
import { checkWorldserver } from "./worldserver-checks.js";

/** Options of `tc9 doctor`, as parsed. */
export interface DoctorOptions {
  readonly authDb?: string | undefined;
  readonly charactersDb?: readonly string[] | undefined;
  readonly nats?: string | undefined;
  readonly ports?: readonly number[] | undefined;
  readonly worldserver?: readonly HostPort[] | undefined;
  readonly timeout: number;
  readonly json?: boolean | undefined;
}

/**
 * `tc9 doctor`: runs every check its input allows (all at once), prints one line per check in a
 * fixed order, and exits 1 if any failed. Warnings do not fail the run.
 */
export async function runDoctor(io: CliIo, options: DoctorOptions): Promise<void> {
  const databases = resolveDatabases([flagSource(options), environmentSource(io.env)]);
  const nats = options.nats ?? nonEmpty(io.env[NATS_URL_ENV]);
  const skipped = (check: string, howToEnable: string): CheckResult[] => [
    { check, subject: "", status: "skip", message: `not checked; ${howToEnable}` },
  ];
  const groups = await Promise.all([
    databases.auth === undefined
      ? skipped("auth database", `pass --auth-db <url> or set ${AUTH_DB_ENV}`)
      : checkDatabase("auth", databases.auth, options.timeout),
    databases.characters.length === 0
      ? skipped("characters database", `pass --characters-db <url...> or set ${CHARACTERS_DB_ENV}`)
      : Promise.all(databases.characters.map((location) => checkDatabase("characters", location, options.timeout))).then((lists) => lists.flat()),
    nats === undefined ? skipped("NATS", `pass --nats <url> or set ${NATS_URL_ENV}`) : checkNats(nats, options.timeout).then((result) => [result]),
    options.ports === undefined ? skipped("ports", "pass --ports 3724,8085,...") : checkPortsFree(options.ports),
    options.worldserver === undefined
      ? skipped("worldserver", "pass --worldserver <host:port> for each worldserver game port")
      : Promise.all(options.worldserver.map((address) => checkWorldserver(address, options.timeout))).then((lists) => lists.flat()),
  ]);
  const results = groups.flat();
  const ok = results.every((result) => result.status !== "fail");
  if (options.json === true) printJson(io, { ok, checks: results });
  else {
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(`${[...results.map((result) => renderCheck(result, style)), renderSummary(results, style)].join("\n")}\n`);
  }
  if (!ok) throw new CommandFailedError();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
