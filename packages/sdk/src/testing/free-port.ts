import { createServer } from "node:net";

/**
 * A loopback port that was free a moment ago (bind port 0, read it, close). Another process may
 * take it before the caller binds it; tests that can bind port 0 themselves should do so.
 */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
