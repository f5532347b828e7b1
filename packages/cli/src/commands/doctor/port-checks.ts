import { createServer } from "node:net";
import type { CheckResult } from "./check-result.js";

/** Checks that each port can be listened on at 0.0.0.0 (nothing holds it, and we may bind it). */
export async function checkPortsFree(ports: readonly number[]): Promise<CheckResult[]> {
  return Promise.all(ports.map((port) => checkPortFree(port)));
}

async function checkPortFree(port: number): Promise<CheckResult> {
  const subject = `0.0.0.0:${port}`;
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: "0.0.0.0", port, exclusive: true }, resolve);
    });
    return { check: "port", subject, status: "ok", message: "free" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES") {
      return {
        check: "port",
        subject,
        status: "fail",
        message: "this user may not listen on it",
        fix: `ports below 1024 need root or CAP_NET_BIND_SERVICE (setcap cap_net_bind_service=+ep $(command -v node)); or use a port above 1023`,
      };
    }
    return {
      check: "port",
      subject,
      status: "fail",
      message: code === "EADDRINUSE" ? "in use" : `cannot listen (${(error as Error).message})`,
      fix: `stop whatever listens on port ${port} (find it with: ss -ltnp 'sport = :${port}') or configure tc9 to use another port`,
    };
  } finally {
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  }
}
