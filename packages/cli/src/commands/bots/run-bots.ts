import type { CliIo } from "../../cli-io.js";
import { CommandFailedError, errorSummary } from "../../errors.js";
import type { HostPort } from "../../option-parsers.js";
import { printJson } from "../../output.js";
import { environmentSource, flagSource, requireAuthDatabase, resolveDatabases } from "../../resolve-databases.js";
import { styleFor } from "../../style.js";
import { botUsernames, ensureBotAccounts } from "./bot-accounts.js";
import { BotProgress } from "./bot-progress.js";
import { renderReport, summariseRuns } from "./bot-report.js";
import { runBotScenario, type BotRun } from "./bot-scenario.js";

/** Parsed options of `tc9 bots`. */
export interface BotsOptions {
  readonly auth: HostPort;
  readonly count: number;
  readonly accounts: string;
  readonly password: string;
  readonly realm?: number | undefined;
  readonly createAccounts?: boolean | undefined;
  readonly authDb?: string | undefined;
  /** Seconds to keep repeating the scenario; undefined runs it once per bot. */
  readonly duration?: number | undefined;
  readonly timeout: number;
  readonly json?: boolean | undefined;
}

/**
 * `tc9 bots`: optionally creates the bots' accounts, runs the scenario with every bot at once
 * (once each, or again and again until `duration` is over), shows progress, prints the report and
 * fails (exit 1) if any run failed.
 */
export async function runBots(io: CliIo, options: BotsOptions): Promise<void> {
  const usernames = botUsernames(options.accounts, options.count);
  let accountsCreated: number | undefined;
  try {
    if (options.createAccounts === true) {
      const auth = requireAuthDatabase(resolveDatabases([flagSource({ authDb: options.authDb }), environmentSource(io.env)]));
      accountsCreated = await ensureBotAccounts(auth.url, usernames, options.password);
    }
  } catch (error) {
    if (options.json !== true) throw error;
    printJson(io, { ok: false, error: errorSummary(error) });
    throw new CommandFailedError();
  }

  const style = styleFor(io.stdout, io.env);
  if (accountsCreated !== undefined && options.json !== true) io.stdout.write(`${style.dim(`created ${accountsCreated} missing account(s)`)}\n`);
  const progress = new BotProgress(io.stdout, options.json === true ? "none" : io.stdout.isTTY === true ? "live" : "lines", style);
  const startedAt = performance.now();
  const deadline = options.duration === undefined ? undefined : startedAt + options.duration * 1000;
  const runs: BotRun[] = [];
  const playBot = async (username: string): Promise<void> => {
    do {
      progress.started();
      const run = await runBotScenario({ auth: options.auth, username, password: options.password, realmId: options.realm, timeoutMs: options.timeout });
      runs.push(run);
      progress.finished(run);
    } while (deadline !== undefined && performance.now() < deadline);
  };
  await Promise.all(usernames.map(playBot));
  progress.end();

  const report = summariseRuns(runs, performance.now() - startedAt);
  const ok = report.failed === 0;
  if (options.json === true) {
    printJson(io, { ok, ...(accountsCreated === undefined ? {} : { accountsCreated }), ...report });
  } else {
    io.stdout.write(`${renderReport(report, style)}\n`);
  }
  if (!ok) throw new CommandFailedError();
}
