import { request } from "node:http";
import { ProbeTimeoutError, RegistryError } from "./errors.js";

/** The answer of one probe. */
export interface ProbeResponse {
  readonly status: number;
  readonly body: string;
}

/** The most of a probe answer that is read; a longer body fails the probe. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * GET `http://<address><path>` on a fresh connection (no pooling, so a server that dies is seen at
 * once). Fails with a {@link ProbeTimeoutError} when the whole exchange takes longer than
 * `timeoutMs`, with a {@link RegistryError} when the body exceeds 1 MiB, and with the socket's
 * error (ECONNREFUSED, ECONNRESET …) when the connection fails.
 */
export function httpProbe(address: string, path: string, timeoutMs: number): Promise<ProbeResponse> {
  return new Promise<ProbeResponse>((resolve, reject) => {
    let connected = false;
    const req = request(`http://${address}${path}`, { method: "GET", agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        else {
          const tooLarge = `the answer of ${address}${path} is larger than ${MAX_BODY_BYTES} bytes; point the registry at the server's health endpoint`;
          req.destroy(new RegistryError("TC9_ERR_REGISTRY_PROBE_TOO_LARGE", tooLarge));
        }
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", () => undefined); // reported through the request's error
    });
    req.on("socket", (socket) => socket.once("connect", () => void (connected = true)));
    const timer = setTimeout(() => req.destroy(new ProbeTimeoutError(address, path, timeoutMs, connected)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
