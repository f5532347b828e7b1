import { freePort } from "@tc9/sdk/testing";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { probeTcp } from "../src/commands/doctor/tcp-probe.js";

/** A TCP listener on `host` at a port the system chose, standing in for a worldserver game port. */
export async function listenOn(host: string): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: 0 }, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the listener has no TCP address");
  return { server, port: address.port };
}

/** Closes a listener. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

const natsServerBinary = "/usr/sbin/nats-server";

/** True when the nats-server binary is installed here. */
export function natsServerInstalled(): boolean {
  return existsSync(natsServerBinary);
}

/** Starts a private nats-server *without* JetStream on a free loopback port; `stop()` ends it. */
export async function startNatsWithoutJetStream(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(natsServerBinary, ["-a", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  for (let attempt = 0; !(await probeTcp("127.0.0.1", port, 500)).reachable; attempt++) {
    if (attempt > 200) {
      await stop();
      throw new Error(`nats-server did not start on port ${port}`);
    }
    await delay(25);
  }
  return { url: `nats://127.0.0.1:${port}`, stop };
}

export { freePort };
