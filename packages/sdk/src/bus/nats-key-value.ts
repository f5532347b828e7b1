import type { JetStreamManager, KV, KvEntry } from "nats";
import { byKey, checkKey, type KeyValue, type KeyValueEntry } from "./key-value.js";

/** JetStream's "wrong last sequence" error: a compare-and-set lost to another write. */
const WRONG_LAST_SEQUENCE = 10071;

function isConflict(error: unknown): boolean {
  const apiError = (error as { api_error?: { err_code?: number } } | null)?.api_error;
  return apiError?.err_code === WRONG_LAST_SEQUENCE;
}

function live(entry: KvEntry | null): KeyValueEntry | undefined {
  if (entry === null || entry.operation !== "PUT") return undefined;
  return { key: entry.key, value: entry.value, revision: entry.revision };
}

/** A {@link KeyValue} on a JetStream KV bucket (one value per key kept). */
export class NatsKeyValue implements KeyValue {
  readonly #kv: KV;
  readonly #jsm: JetStreamManager;

  constructor(
    readonly bucket: string,
    kv: KV,
    jsm: JetStreamManager,
  ) {
    this.#kv = kv;
    this.#jsm = jsm;
  }

  async get(key: string): Promise<KeyValueEntry | undefined> {
    checkKey(key);
    return live(await this.#kv.get(key));
  }

  async create(key: string, value: Uint8Array): Promise<number | undefined> {
    checkKey(key);
    return this.#compareAndSet(() => this.#kv.create(key, value));
  }

  async update(key: string, value: Uint8Array, revision: number): Promise<number | undefined> {
    checkKey(key);
    return this.#compareAndSet(() => this.#kv.update(key, value, revision));
  }

  async delete(key: string, revision?: number): Promise<boolean> {
    checkKey(key);
    const written = await this.#compareAndSet(async () => {
      await this.#kv.delete(key, revision === undefined ? undefined : { previousSeq: revision });
      return 0;
    });
    return written !== undefined;
  }

  /**
   * Lists the keys from the stream's subject counts (plain requests with the bus's timeout; the
   * `keys()` watcher of nats.js can wait forever on a busy server), then reads each.
   */
  async entries(prefix = ""): Promise<KeyValueEntry[]> {
    const root = `$KV.${this.bucket}.`;
    // A prefix ending in a dot is a subject filter the server applies; others are filtered here.
    const info = await this.#jsm.streams.info(`KV_${this.bucket}`, { subjects_filter: `${root}${prefix.endsWith(".") ? prefix : ""}>` });
    const keys = Object.keys(info.state.subjects ?? {})
      .map((subject) => subject.slice(root.length))
      .filter((key) => key.startsWith(prefix));
    const entries = await Promise.all(keys.map((key) => this.get(key)));
    return entries.filter((entry): entry is KeyValueEntry => entry !== undefined).sort(byKey);
  }

  async destroy(): Promise<void> {
    await this.#kv.destroy();
  }

  async #compareAndSet(write: () => Promise<number>): Promise<number | undefined> {
    try {
      return await write();
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }
}
