import { createConnection } from "node:net";
import type { CheckResult } from "./check-result.js";
import { connected } from "./tcp-probe.js";

/** Longest greeting line read from a NATS server before giving up on it. */
const MAX_GREETING_BYTES = 64 * 1024;
const DEFAULT_NATS_PORT = 4222;

/** The part of a NATS server's `INFO` greeting the doctor reads. */
interface NatsServerInfo {
  readonly version?: string;
  readonly jetstream?: boolean;
  readonly auth_required?: boolean;
}

/**
 * Checks that a NATS server answers at `url` and has JetStream on. Every NATS server greets a new
 * connection with `INFO {json}` before any login, and that JSON carries `"jetstream": true` when
 * JetStream is enabled; the doctor reads just that line (credentials are not checked).
 */
export async function checkNats(url: string, timeoutMs: number): Promise<CheckResult> {
  let host: string;
  let port: number;
  try {
    ({ host, port } = parseNatsUrl(url));
  } catch {
    return { check: "NATS", subject: url, status: "fail", message: "not a NATS URL", fix: "write it as nats://host:4222" };
  }
  const subject = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  let info: NatsServerInfo;
  try {
    info = await readGreeting(host, port, timeoutMs);
  } catch (error) {
    return {
      check: "NATS",
      subject,
      status: "fail",
      message: `not reachable (${(error as Error).message})`,
      fix: "start NATS with JetStream (nats-server -js), or pass the right --nats <url>",
    };
  }
  const server = `NATS ${info.version ?? "(unknown version)"}${info.auth_required === true ? ", login required (not checked)" : ""}`;
  if (info.jetstream !== true) {
    return {
      check: "NATS",
      subject,
      status: "fail",
      message: `${server} answers, but JetStream is off`,
      fix: "restart nats-server with -js (or a jetstream {} block in its config); tc9's durable events need JetStream",
    };
  }
  return { check: "NATS", subject, status: "ok", message: `${server}, JetStream enabled` };
}

/** `nats://host:port`, `tls://host:port` or plain `host:port`; the port defaults to 4222. */
function parseNatsUrl(url: string): { host: string; port: number } {
  const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `nats://${url}`);
  if (parsed.hostname === "") throw new Error("no host");
  return { host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"), port: parsed.port === "" ? DEFAULT_NATS_PORT : Number(parsed.port) };
}

/** Connects, reads the first line, and parses it as `INFO {json}`. */
async function readGreeting(host: string, port: number, timeoutMs: number): Promise<NatsServerInfo> {
  const socket = createConnection({ host, port, timeout: timeoutMs });
  try {
    await connected(socket);
    const line = await new Promise<string>((resolve, reject) => {
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        received += chunk;
        const end = received.indexOf("\r\n");
        if (end >= 0) resolve(received.slice(0, end));
        else if (received.length > MAX_GREETING_BYTES) reject(new Error("it sent no NATS greeting"));
      });
      socket.once("end", () => reject(new Error("it closed the connection without a NATS greeting")));
      socket.once("error", reject);
      socket.once("timeout", () => reject(new Error(`no NATS greeting within ${timeoutMs} ms`)));
    });
    if (!line.startsWith("INFO ")) throw new Error("it is not a NATS server: no INFO greeting");
    try {
      return JSON.parse(line.slice("INFO ".length)) as NatsServerInfo;
    } catch {
      throw new Error("its INFO greeting is not JSON");
    }
  } finally {
    socket.destroy();
  }
}
