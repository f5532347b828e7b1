/** NATS-independent pieces of the NATS bus's JetStream handling: names, dedupe, error tests. */

/** The JetStream stream holding durable events under a subject prefix (`TC9` with no prefix). */
export function streamNameFor(prefix: string): string {
  if (prefix === "") return "TC9";
  return `TC9_${prefix.replace(/[^A-Za-z0-9_-]/g, "_")}${fnv1a(prefix)}`;
}

/** The JetStream KV bucket of a bus bucket name under a subject prefix (the name itself with no prefix). */
export function bucketNameFor(prefix: string, bucket: string): string {
  return prefix === "" ? bucket : `${streamNameFor(prefix)}_${bucket}`;
}

/** The durable consumer of one subscriber name on one subject pattern. */
export function consumerNameFor(durable: string, pattern: string): string {
  return `${durable}_${fnv1a(pattern)}`;
}

/** 32-bit FNV-1a of a string's UTF-16 units, as 8 hex digits: short, stable and collision-shy. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The ids of recently handled durable messages, so a redelivery (an ack lost while NATS
 * restarted) is acknowledged without running the handler twice. Keeps the newest `capacity` ids.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
  }
}

/**
 * Sends an ack / nak / progress signal. It can only fail when the connection is gone, and then
 * JetStream redelivers after the ack wait anyway.
 */
export function settle(signal: () => void): void {
  try {
    signal();
  } catch {
    // The redelivery after the ack wait is the fallback.
  }
}

/** True for a JetStream API "not found" answer (missing stream or consumer). */
export function isNotFound(error: unknown): boolean {
  return (error as { api_error?: { code?: number } } | null)?.api_error?.code === 404;
}
