import { createConnection, type Socket } from "node:net";

/** Whether a TCP connection could be opened, and why not. */
export type ProbeResult = { readonly reachable: true } | { readonly reachable: false; readonly reason: string };

/** Opens a TCP connection to `host:port` and closes it again; gives up after `timeoutMs`. */
export async function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  const socket = createConnection({ host, port, timeout: timeoutMs });
  try {
    await connected(socket);
    return { reachable: true };
  } catch (error) {
    return { reachable: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    socket.destroy();
  }
}

/** Resolves when `socket` connects; rejects on an error or when its idle timeout passes first. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("error", reject);
    socket.once("timeout", () => reject(new Error(`no answer within ${socket.timeout ?? 0} ms`)));
  });
}
