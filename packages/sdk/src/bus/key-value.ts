/**
 * A small key-value bucket on the bus's transport: JetStream KV on NATS (shared by every process
 * on the same NATS and kept across restarts), a map on the local bus (one process, gone when it
 * stops). Writes are compare-and-set on revisions, so concurrent writers never lose each other's
 * updates: read, change, `update` with the revision read, and read again when it answers
 * undefined.
 */
export interface KeyValueEntry {
  readonly key: string;
  readonly value: Uint8Array;
  /** Changes on every write of the key; what `update` and `delete` compare against. */
  readonly revision: number;
}

/** How `Bus.keyValue` opens a bucket. */
export interface KeyValueOptions {
  /**
   * Entries expire this long after their last write (default: never). On NATS the bucket's
   * `max_age`, fixed when the bucket is created.
   */
  readonly ttlMs?: number;
}

/** One bucket. Keys: letters, digits and `-_=/.`, not starting or ending with `.`. */
export interface KeyValue {
  /** The bucket's name as the transport knows it (scoped by the bus's subject prefix). */
  readonly bucket: string;
  /** The live entry of a key; undefined when it is absent, deleted or expired. */
  get(key: string): Promise<KeyValueEntry | undefined>;
  /** Writes a key that is absent (or deleted, or expired); undefined when it exists. Answers the new revision. */
  create(key: string, value: Uint8Array): Promise<number | undefined>;
  /** Writes a key whose revision is still `revision`; undefined when it changed or is gone. Answers the new revision. */
  update(key: string, value: Uint8Array, revision: number): Promise<number | undefined>;
  /** Deletes a key; with `revision`, only while it is unchanged (false when it changed). */
  delete(key: string, revision?: number): Promise<boolean>;
  /** Every live entry whose key starts with `prefix`, ordered by key. */
  entries(prefix?: string): Promise<KeyValueEntry[]>;
  /** Deletes the bucket and everything in it (other handles on it stop working). */
  destroy(): Promise<void>;
}

const KEY = /^[-/_=a-zA-Z0-9]+(\.[-/_=a-zA-Z0-9]+)*$/;
const BUCKET = /^[-_a-zA-Z0-9]+$/;

/** Throws when a key is not one JetStream KV accepts (checked on both transports alike). */
export function checkKey(key: string): void {
  if (!KEY.test(key)) throw new TypeError(`key-value key "${key}" is not valid; use letters, digits, "-_=/" and inner dots`);
}

/** Throws when a bucket name is not one JetStream accepts. */
export function checkBucket(bucket: string): void {
  if (!BUCKET.test(bucket)) throw new TypeError(`key-value bucket "${bucket}" is not valid; use letters, digits, "-" and "_"`);
}

/** Orders entries by key. */
export const byKey = (a: KeyValueEntry, b: KeyValueEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

interface Stored {
  readonly value: Uint8Array;
  readonly revision: number;
  readonly expiresAt: number;
}

/** The local bus's buckets: process memory, revisions counted per bucket. */
export class LocalKeyValue implements KeyValue {
  readonly #entries = new Map<string, Stored>();
  readonly #ttlMs: number | undefined;
  readonly #onDestroy: () => void;
  #revision = 0;

  constructor(
    readonly bucket: string,
    options: KeyValueOptions,
    onDestroy: () => void,
  ) {
    this.#ttlMs = options.ttlMs;
    this.#onDestroy = onDestroy;
  }

  async get(key: string): Promise<KeyValueEntry | undefined> {
    checkKey(key);
    const stored = this.#live(key);
    return stored && { key, value: stored.value.slice(), revision: stored.revision };
  }

  async create(key: string, value: Uint8Array): Promise<number | undefined> {
    checkKey(key);
    return this.#live(key) ? undefined : this.#write(key, value);
  }

  async update(key: string, value: Uint8Array, revision: number): Promise<number | undefined> {
    checkKey(key);
    return this.#live(key)?.revision === revision ? this.#write(key, value) : undefined;
  }

  async delete(key: string, revision?: number): Promise<boolean> {
    checkKey(key);
    if (revision !== undefined && this.#live(key)?.revision !== revision) return false;
    this.#entries.delete(key);
    this.#revision += 1;
    return true;
  }

  async entries(prefix = ""): Promise<KeyValueEntry[]> {
    const found: KeyValueEntry[] = [];
    for (const key of this.#entries.keys()) {
      const stored = key.startsWith(prefix) ? this.#live(key) : undefined;
      if (stored) found.push({ key, value: stored.value.slice(), revision: stored.revision });
    }
    return found.sort(byKey);
  }

  async destroy(): Promise<void> {
    this.#entries.clear();
    this.#onDestroy();
  }

  #live(key: string): Stored | undefined {
    const stored = this.#entries.get(key);
    if (stored && stored.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return stored;
  }

  #write(key: string, value: Uint8Array): number {
    this.#revision += 1;
    const expiresAt = this.#ttlMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + this.#ttlMs;
    this.#entries.set(key, { value: value.slice(), revision: this.#revision, expiresAt });
    return this.#revision;
  }
}
