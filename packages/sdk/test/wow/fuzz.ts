/**
 * Property-based fuzzing for WoW decoders (a test utility, not a test). Start from one valid
 * encoding, derive many broken ones with {@link mutations}, and check with
 * {@link assertOnlyProtocolErrors} that the decoder either decodes or throws `ProtocolError`,
 * never anything else (RangeError, TypeError, a hang on a huge allocation …).
 *
 * Everything is deterministic for a given seed, so a failure names the seed and the mutation and
 * replays exactly.
 */
import { AssertionError } from "node:assert/strict";
import { ProtocolError } from "@tc9/sdk/wow";

/** A deterministic pseudo-random source (mulberry32). */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** `length` random bytes. */
  bytes(length: number): Uint8Array;
}

/** Creates a {@link SeededRandom}; the same seed gives the same sequence. */
export function createRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  const bytes = (length: number): Uint8Array => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = int(256);
    return out;
  };
  return { next, int, bytes };
}

/** Which rule produced a mutated input. */
export type MutationKind =
  | "truncation"
  | "random-bytes"
  | "bit-flip"
  | "oversized-field"
  | "missing-nul"
  | "trailing-garbage";

/** One mutated input and how it was made, for failure messages. */
export interface Mutation {
  readonly kind: MutationKind;
  readonly description: string;
  readonly bytes: Uint8Array;
}

/** Options of {@link mutations}. */
export interface MutationOptions {
  /** Seed of the pseudo-random choices (default 1). */
  readonly seed?: number;
  /** How many random-bytes and bit-flip inputs to make, each (default 200). */
  readonly randomCount?: number;
  /**
   * Offsets of length/count fields to blow up. By default every offset is tried, which also hits
   * the fields; name them to keep large inputs fast.
   */
  readonly fieldOffsets?: readonly number[];
}

/** Values written over length/count fields: huge u32s, huge u16s, the u8 maximum. */
const OVERSIZED_FIELDS: readonly (readonly number[])[] = [
  [0xff, 0xff, 0xff, 0xff],
  [0xff, 0xff, 0xff, 0x7f],
  [0x00, 0x00, 0x00, 0x80],
  [0xff, 0xff],
  [0xff],
];

/**
 * Derives broken inputs from one valid encoding: every truncation, random byte strings, single
 * bit flips, length/count fields overwritten with huge values, NUL terminators replaced (one at a
 * time and all at once), and trailing garbage.
 */
export function* mutations(valid: Uint8Array, options: MutationOptions = {}): Generator<Mutation> {
  const random = createRandom(options.seed ?? 1);
  const randomCount = options.randomCount ?? 200;

  for (let length = 0; length < valid.length; length++) {
    yield { kind: "truncation", description: `first ${length} of ${valid.length} bytes`, bytes: valid.slice(0, length) };
  }
  for (let i = 0; i < randomCount; i++) {
    const length = random.int(valid.length * 2 + 2);
    yield { kind: "random-bytes", description: `${length} random bytes (#${i})`, bytes: random.bytes(length) };
  }
  if (valid.length > 0) {
    for (let i = 0; i < randomCount; i++) {
      const bit = random.int(valid.length * 8);
      const bytes = valid.slice();
      bytes[bit >>> 3] = (bytes[bit >>> 3] ?? 0) ^ (1 << (bit & 7));
      yield { kind: "bit-flip", description: `bit ${bit} flipped`, bytes };
    }
  }
  const offsets = options.fieldOffsets ?? valid.map((_, index) => index);
  for (const offset of offsets) {
    for (const field of OVERSIZED_FIELDS) {
      if (offset + field.length > valid.length) continue;
      const bytes = valid.slice();
      bytes.set(field, offset);
      const hex = field.map((byte) => byte.toString(16).padStart(2, "0")).join("");
      yield { kind: "oversized-field", description: `${hex} written at offset ${offset}`, bytes };
    }
  }
  const nulOffsets: number[] = [];
  valid.forEach((byte, index) => {
    if (byte === 0) nulOffsets.push(index);
  });
  for (const offset of nulOffsets) {
    const bytes = valid.slice();
    bytes[offset] = 0x41;
    yield { kind: "missing-nul", description: `NUL at offset ${offset} replaced by 'A'`, bytes };
  }
  if (nulOffsets.length > 0) {
    yield { kind: "missing-nul", description: "every NUL replaced by 'A'", bytes: valid.map((byte) => (byte === 0 ? 0x41 : byte)) };
  }
  for (const length of [1, 7, 64]) {
    const bytes = new Uint8Array(valid.length + length);
    bytes.set(valid);
    bytes.set(random.bytes(length), valid.length);
    yield { kind: "trailing-garbage", description: `${length} random byte(s) appended`, bytes };
  }
}

/** How a batch of inputs fared in {@link assertOnlyProtocolErrors}. */
export interface FuzzOutcome {
  /** Inputs the decoder accepted. */
  readonly decoded: number;
  /** Inputs the decoder refused with `ProtocolError`. */
  readonly rejected: number;
}

/**
 * Runs `decode` on every input and fails (AssertionError naming the input) if it throws anything
 * but `ProtocolError`. Returns how many inputs were decoded and how many rejected, so a test can
 * also check that broken inputs really were refused.
 */
export function assertOnlyProtocolErrors(
  decode: (bytes: Uint8Array) => unknown,
  inputs: Iterable<Mutation | Uint8Array>,
): FuzzOutcome {
  let decoded = 0;
  let rejected = 0;
  for (const input of inputs) {
    const mutation: Mutation =
      input instanceof Uint8Array ? { kind: "random-bytes", description: "given input", bytes: input } : input;
    try {
      decode(mutation.bytes);
      decoded++;
    } catch (error) {
      if (error instanceof ProtocolError) {
        rejected++;
        continue;
      }
      throw new AssertionError({
        message: `decoder threw ${describeError(error)} instead of ProtocolError for ${mutation.kind} (${mutation.description}): ${Buffer.from(mutation.bytes).toString("hex")}`,
        actual: error,
        expected: ProtocolError,
        operator: "instanceof",
      });
    }
  }
  return { decoded, rejected };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
