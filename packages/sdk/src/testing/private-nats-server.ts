import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "./free-port.js";

/**
 * A private `nats-server -js` on a free port with its own store directory, which a test may stop
 * and start again (never the shared server on 4222).
 */
export class PrivateNatsServer {
  readonly port: number;
  readonly url: string;
  private readonly storeDir = mkdtempSync(join(tmpdir(), "tc9-bus-nats-"));
  private process: ChildProcess | undefined;

  private constructor(port: number) {
    this.port = port;
    this.url = `nats://127.0.0.1:${port}`;
  }

  /** Reserves a free port; the server is not started yet. */
  static async create(): Promise<PrivateNatsServer> {
    return new PrivateNatsServer(await freePort());
  }

  /** Starts the server (same store directory every time) and waits until it accepts connections. */
  async start(): Promise<void> {
    this.process = spawn(
      "/usr/sbin/nats-server",
      ["-a", "127.0.0.1", "-p", String(this.port), "-js", "-sd", this.storeDir],
      { stdio: "ignore" },
    );
    for (let attempt = 0; !(await accepts(this.port)); attempt++) {
      if (attempt > 200) throw new Error(`nats-server did not start on port ${this.port}`);
      await delay(25);
    }
  }

  /** Stops the server gracefully (SIGTERM) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  /** Stops the server and removes its store directory. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
