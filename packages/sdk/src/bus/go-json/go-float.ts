/**
 * Go's `encoding/json` float rules, for `float32` and `float64` fields:
 * - the digits are the shortest decimal that parses back to the same float of that width;
 * - plain notation for 1e-6 <= |x| < 1e21, exponent notation outside it, with Go's exponent
 *   `e-07` cleaned to `e-7` (which is exactly what ECMAScript's Number-to-String produces);
 * - negative zero is written `-0`.
 * Decoding rounds the literal directly to the field's width, as `strconv.ParseFloat(s, 32)` does.
 */

/** Formats a finite number as Go formats the `float32` nearest to it. */
export function formatGoFloat32(value: number): string {
  const f = Math.fround(value);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const magnitude = shortestFloat32Magnitude(Math.abs(f));
  return f < 0 ? `-${String(magnitude)}` : String(magnitude);
}

/** Formats a finite number as Go formats a `float64`. */
export function formatGoFloat64(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

/**
 * Parses a JSON number literal to the nearest `float32` (returned as a JS number), rounding once
 * like Go; returns `undefined` when the literal is outside the `float32` range.
 */
export function parseGoFloat32(literal: string): number | undefined {
  const wide = Number(literal);
  let narrow = Math.fround(wide);
  if (!Number.isFinite(narrow)) return undefined;
  if (narrow !== wide && literal.length <= MAX_EXACT_LITERAL) {
    narrow = fixDoubleRounding(literal, wide, narrow);
  }
  return narrow;
}

/** Parses a JSON number literal to the nearest `float64`; `undefined` when out of range. */
export function parseGoFloat64(literal: string): number | undefined {
  const value = Number(literal);
  return Number.isFinite(value) ? value : undefined;
}

/** Longer literals skip the exact midpoint check (no producer writes them for a float32). */
const MAX_EXACT_LITERAL = 400;

/**
 * The shortest decimal (as a number) that rounds to the positive float32 `f`. Among decimals of
 * that length Go takes the one closest to `f`, and on an exact tie the one ending in an even digit.
 */
function shortestFloat32Magnitude(f: number): number {
  if (isPowerOfTwo(f)) return shortestNextToPowerOfTwo(f);
  // The nearest decimal with more digits is never farther, so the fitting lengths are a suffix of
  // 1..9 (9 always fits): binary-search the shortest.
  let low = 1;
  let high = 9;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (parseGoFloat32(f.toExponential(middle - 1)) === f) high = middle;
    else low = middle + 1;
  }
  const [nearest, exponent] = splitExponential(f.toExponential(low - 1));
  // ECMAScript rounds an exact tie up, Go to the even digit.
  const below = nearest - 1n;
  if (nearest % 2n === 1n && below > 0n && isTie(nearest, exponent, f)) return Number(`${below}e${exponent}`);
  return Number(`${nearest}e${exponent}`);
}

/**
 * Next to a power of two the round-trip interval is lopsided (half as wide below), so the nearest
 * decimal of a length may miss it while a neighbour fits: test all three at each length.
 */
function shortestNextToPowerOfTwo(f: number): number {
  for (let precision = 1; precision < 9; precision++) {
    const [nearest, exponent] = splitExponential(f.toExponential(precision - 1));
    const fits = [nearest - 1n, nearest, nearest + 1n].filter(
      (digits) => digits > 0n && parseGoFloat32(`${digits}e${exponent}`) === f,
    );
    const best = fits.reduce<bigint | undefined>(
      (chosen, digits) => (chosen === undefined ? digits : closer(chosen, digits, exponent, f)),
      undefined,
    );
    if (best !== undefined) return Number(`${best}e${exponent}`);
  }
  return Number(f.toPrecision(9));
}

/** True when `f` lies exactly halfway between `digits - 1` and `digits` (× 10^exponent). */
function isTie(digits: bigint, exponent: number, f: number): boolean {
  const half = 0.5 * 10 ** exponent;
  const distance = Number(`${digits}e${exponent}`) - f;
  // A cheap filter in doubles (their rounding error is about f × 1e-16) before the exact test.
  if (Math.abs(distance - half) > half * 1e-6 + f * 1e-15) return false;
  return compareDecimalWithDouble(digits * 10n - 5n, exponent - 1, f) === 0;
}

/** True when the float32 `f` (> 0) is a power of two (normal, with an all-zero significand). */
function isPowerOfTwo(f: number): boolean {
  f32[0] = f;
  const bits = f32Bits[0] ?? 0;
  return (bits & 0x7fffff) === 0 && bits >>> 23 !== 0;
}

/** Of two round-tripping digit strings `low < high` (× 10^exponent), the one Go picks for `f`. */
function closer(low: bigint, high: bigint, exponent: number, f: number): bigint {
  const side = compareDecimalWithDouble((low + high) * 5n, exponent - 1, f);
  if (side < 0) return high;
  if (side > 0) return low;
  return low % 2n === 0n ? low : high;
}

/** Splits `d.ddde±x` into an integer of all digits and the matching power of ten. */
function splitExponential(text: string): [bigint, number] {
  const [mantissa = "", exponent = "0"] = text.split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  return [BigInt(whole + fraction), Number(exponent) - fraction.length];
}

/**
 * `Math.fround(Number(s))` rounds twice. It can only differ from rounding `s` directly when the
 * double lands exactly on the midpoint between two float32s; then compare `s` with that midpoint
 * exactly and take the side `s` is really on.
 */
function fixDoubleRounding(literal: string, wide: number, narrow: number): number {
  const other = wide > narrow ? nextFloat32(narrow, 1) : nextFloat32(narrow, -1);
  if ((narrow + other) / 2 !== wide) return narrow;
  const decimal = splitLiteral(literal);
  if (decimal === undefined) return narrow;
  const magnitudeSide = compareDecimalWithDouble(decimal.digits, decimal.exp10, Math.abs(wide));
  const side = decimal.negative ? -magnitudeSide : magnitudeSide;
  if (side === 0) return narrow;
  const upper = Math.max(narrow, other);
  const lower = Math.min(narrow, other);
  return side > 0 ? upper : lower;
}

const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);

/** The adjacent float32 above (`direction` 1) or below (-1) a finite float32. */
function nextFloat32(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * 2 ** -149;
  f32[0] = value;
  const awayFromZero = (value > 0) === (direction > 0);
  f32Bits[0] = (f32Bits[0] ?? 0) + (awayFromZero ? 1 : -1);
  return f32[0] ?? 0;
}

const f64 = new Float64Array(1);
const f64Bits = new BigUint64Array(f64.buffer);

/** Exact sign of (digits × 10^exp10 − double) for a non-negative decimal and a finite double ≥ 0. */
function compareDecimalWithDouble(digits: bigint, exp10: number, double: number): number {
  f64[0] = double;
  const bits = f64Bits[0] ?? 0n;
  const biased = Number(bits >> 52n);
  const fractionBits = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fractionBits : fractionBits | (1n << 52n);
  const exp2 = (biased === 0 ? 1 : biased) - 1075;
  const left = digits * 10n ** BigInt(Math.max(exp10, 0)) * 2n ** BigInt(Math.max(-exp2, 0));
  const right = mantissa * 2n ** BigInt(Math.max(exp2, 0)) * 10n ** BigInt(Math.max(-exp10, 0));
  return left > right ? 1 : left < right ? -1 : 0;
}

/** Reads a JSON number literal as sign, all digits and the power of ten they are scaled by. */
function splitLiteral(literal: string): { negative: boolean; digits: bigint; exp10: number } | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (match === null) return undefined;
  const fraction = match[3] ?? "";
  return {
    negative: match[1] === "-",
    digits: BigInt((match[2] ?? "") + fraction),
    exp10: Number(match[4] ?? "0") - fraction.length,
  };
}
