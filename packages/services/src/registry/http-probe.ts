import { request } from "node:http";

/** The answer of one probe. */
export interface ProbeResponse {
  readonly status: number;
  readonly body: string;
}

/** The most of a probe answer that is read; a longer body fails the probe. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * GET `http://<address><path>` on a fresh connection (no pooling, so a server that dies is seen at
 * once). Fails when the whole exchange takes longer than `timeoutMs` or the body exceeds 1 MiB.
 */
export function httpProbe(address: string, path: string, timeoutMs: number): Promise<ProbeResponse> {
  return new Promise<ProbeResponse>((resolve, reject) => {
    const req = request(`http://${address}${path}`, { method: "GET", agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(new Error(`the answer of ${path} is larger than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", () => undefined); // reported through the request's error
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer from ${address}${path} within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
