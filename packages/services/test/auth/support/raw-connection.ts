// A raw TCP connection to the logon server, for tests that send what no real client would.
import { connect, type Socket } from "node:net";

/** What arrived on a raw connection until the server closed it (or the wait ran out). */
export interface RawOutcome {
  readonly received: Uint8Array;
  /** True when the server closed the connection within the wait. */
  readonly closedByServer: boolean;
}

/** An open raw connection. */
export interface RawConnection {
  readonly socket: Socket;
  send(bytes: Uint8Array): void;
  /** Waits up to `ms` for the server to close; resolves with everything received. */
  outcome(ms?: number): Promise<RawOutcome>;
}

/** Connects to 127.0.0.1:`port`. */
export async function openRaw(port: number): Promise<RawConnection> {
  const socket = connect({ host: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const chunks: Buffer[] = [];
  let closed = false;
  const closedPromise = new Promise<void>((resolve) =>
    socket.once("close", () => {
      closed = true;
      resolve();
    }),
  );
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  socket.on("error", () => undefined);
  return {
    socket,
    send: (bytes) => void socket.write(bytes),
    async outcome(ms = 3000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closedPromise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
      const result = { received: new Uint8Array(Buffer.concat(chunks)), closedByServer: closed };
      socket.destroy();
      return result;
    },
  };
}
