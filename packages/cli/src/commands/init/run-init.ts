import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { reportOutcome } from "../../output.js";
import { terminalAsker, type Asker } from "./ask.js";
import { INIT_ERROR_CODES, InitError } from "./init-error.js";
import { DEFAULT_MYSQL_URL, DEFAULT_REALM_NAME, DEFAULT_SIMULATORS, type BusChoice, type ProjectSettings, type WorldserverChoice } from "./project-settings.js";
import { projectFiles } from "./templates.js";

/** Parsed options of `tc9 init`. */
export interface InitOptions {
  readonly dir: string;
  readonly realmName?: string | undefined;
  readonly mysqlUrl?: string | undefined;
  readonly nats?: string | undefined;
  readonly localBus?: boolean | undefined;
  readonly simulators?: number | undefined;
  readonly realWorldservers?: boolean | undefined;
  readonly yes?: boolean | undefined;
  readonly tc9From?: string | undefined;
  readonly force?: boolean | undefined;
  readonly install?: boolean | undefined;
  readonly json?: boolean | undefined;
}

const cliVersion = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * `tc9 init`: scaffolds a realm project (package.json, tc9.config.ts, README.md, .gitignore) in
 * `dir`. On a terminal it asks for what the flags do not give (unless `--yes`); elsewhere the
 * flags and defaults decide. Runs `npm install` only with `--install`.
 */
export async function runInit(io: CliIo, options: InitOptions): Promise<void> {
  await reportOutcome(
    io,
    options.json,
    async () => {
      const projectDir = resolve(options.dir);
      await refuseNonEmpty(projectDir, options.force === true);
      const interactive = options.yes !== true && (io.stdin as { isTTY?: boolean }).isTTY === true;
      const asker = interactive ? terminalAsker(io) : undefined;
      let settings: ProjectSettings;
      try {
        settings = await collectSettings(projectDir, options, asker);
      } finally {
        asker?.close();
      }
      await mkdir(projectDir, { recursive: true });
      const files = projectFiles(settings);
      for (const [path, text] of files) await writeFile(join(projectDir, path), text);
      if (options.install === true) await npmInstall(io, projectDir);
      return { projectDir, files: files.map(([path]) => path), installed: options.install === true, settings };
    },
    (result, style) =>
      [
        `${style.ok("✔")} created ${result.files.join(", ")} in ${result.projectDir}`,
        "",
        "Next:",
        `  cd ${result.projectDir}`,
        ...(result.installed ? [] : ["  npm install"]),
        "  npx tc9 up --account alice:secret     # start the realm and create a first account",
        "  npx tc9 top                           # watch it; npx tc9 down stops it",
        "Then point a 3.3.5a client's realmlist.wtf at it: set realmlist 127.0.0.1 (see README.md).",
      ].join("\n"),
  );
}

async function refuseNonEmpty(projectDir: string, force: boolean): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(projectDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (entries.length > 0 && !force) {
    throw new InitError(
      INIT_ERROR_CODES.notEmpty,
      `${projectDir} is not empty (${entries.slice(0, 5).join(", ")}${entries.length > 5 ? ", …" : ""}); choose a new directory, or pass --force to write tc9's files into it (files of the same name are replaced)`,
    );
  }
}

async function collectSettings(projectDir: string, options: InitOptions, asker: Asker | undefined): Promise<ProjectSettings> {
  const answer = async (given: string | undefined, question: string, fallback: string): Promise<string> =>
    given ?? (asker === undefined ? fallback : asker.ask(question, fallback));
  const realmName = checkRealmName(await answer(options.realmName, "Realm name", DEFAULT_REALM_NAME));
  const mysqlUrl = checkMysqlUrl(await answer(options.mysqlUrl, "MariaDB server (no database)", DEFAULT_MYSQL_URL));
  const busGiven = options.nats ?? (options.localBus === true ? "local" : undefined);
  const bus = parseBus(await answer(busGiven, 'Bus: "local" (one process) or a NATS URL', "local"));
  const worldGiven = options.realWorldservers === true ? "real" : options.simulators === undefined ? undefined : String(options.simulators);
  const worldservers = parseWorldservers(await answer(worldGiven, 'Worldservers: how many simulated ones, or "real"', String(DEFAULT_SIMULATORS)));
  return {
    packageName: packageNameOf(projectDir),
    realmName,
    mysqlUrl,
    bus,
    worldservers,
    dependencies: options.tc9From === undefined ? registryVersions() : await localTarballs(resolve(options.tc9From)),
  };
}

function checkRealmName(name: string): string {
  if (name.length < 1 || name.length > 32 || /["\\\n]/.test(name)) {
    throw new InitError(INIT_ERROR_CODES.invalid, `realm name "${name}" does not fit; use 1 to 32 characters without quotes or backslashes`);
  }
  return name;
}

function checkMysqlUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InitError(INIT_ERROR_CODES.invalid, `"${url}" is not a URL; write the MariaDB server as mysql://user:password@host:3306`);
  }
  if (parsed.protocol !== "mysql:" || parsed.hostname === "" || (parsed.pathname !== "" && parsed.pathname !== "/")) {
    throw new InitError(
      INIT_ERROR_CODES.invalid,
      `"${url}" is not a MariaDB server URL without a database; write mysql://user:password@host:3306 (the databases are named in tc9.config.ts)`,
    );
  }
  return url.replace(/\/+$/, "");
}

function parseBus(answer: string): BusChoice {
  if (answer === "local") return { kind: "local" };
  if (/^(nats|tls):\/\/[^/\s]+$/.test(answer)) return { kind: "nats", url: answer };
  throw new InitError(INIT_ERROR_CODES.invalid, `bus "${answer}" is neither "local" nor a NATS URL; write local or nats://host:4222`);
}

function parseWorldservers(answer: string): WorldserverChoice {
  if (answer === "real") return { kind: "real" };
  const count = /^\d+$/.test(answer) ? Number(answer) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new InitError(INIT_ERROR_CODES.invalid, `worldservers "${answer}": write how many simulated ones (1 to 64), or real`);
  }
  return { kind: "simulated", count };
}

/** An npm package name from the directory's name. */
function packageNameOf(projectDir: string): string {
  const name = basename(projectDir).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+/, "");
  return name === "" ? "tc9-realm" : name.slice(0, 214);
}

function registryVersions(): ProjectSettings["dependencies"] {
  const range = `^${cliVersion}`;
  return { sdk: range, services: range, cli: range };
}

/** `file:` specs of the tarballs `npm pack` wrote for @tc9/sdk, @tc9/services and tc9. */
async function localTarballs(dir: string): Promise<ProjectSettings["dependencies"]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new InitError(INIT_ERROR_CODES.tarballs, `--tc9-from ${dir} is not a readable directory; pack tc9 there with npm pack -w @tc9/sdk -w @tc9/services -w tc9 --pack-destination ${dir}`);
  }
  const find = (pattern: RegExp, what: string): string => {
    const name = names.filter((candidate) => pattern.test(candidate)).sort().at(-1);
    if (name === undefined) {
      throw new InitError(INIT_ERROR_CODES.tarballs, `${dir} has no ${what} tarball; create it with npm pack -w ${what} --pack-destination ${dir}`);
    }
    return `file:${join(dir, name)}`;
  };
  return {
    sdk: find(/^tc9-sdk-\d[^/]*\.tgz$/, "@tc9/sdk"),
    services: find(/^tc9-services-\d[^/]*\.tgz$/, "@tc9/services"),
    cli: find(/^tc9-\d[^/]*\.tgz$/, "tc9"),
  };
}

/** `npm install` in the new project, its output passed through. */
async function npmInstall(io: CliIo, projectDir: string): Promise<void> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const child = spawn(npm, ["install", "--no-audit", "--no-fund"], { cwd: projectDir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => io.stderr.write(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => io.stderr.write(chunk.toString()));
  const code = await new Promise<number | null>((resolveExit, reject) => {
    child.once("error", reject);
    child.once("close", resolveExit);
  });
  if (code !== 0) {
    throw new InitError(INIT_ERROR_CODES.install, `npm install failed in ${projectDir} (exit ${code}); read its output above, fix it and run npm install there again`);
  }
}
