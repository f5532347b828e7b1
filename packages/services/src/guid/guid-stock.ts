/** GUIDs reserved in the database but not handed out yet: a queue of inclusive ranges. */

/** A contiguous block of GUIDs; both ends are included (`{ start: 10n, end: 12n }` is 10, 11, 12). */
export interface GuidRange {
  readonly start: bigint;
  readonly end: bigint;
}

interface HeldRange {
  /** The next GUID of this range to hand out. */
  next: bigint;
  end: bigint;
  /** GUIDs the range held when it was added (or extended). */
  size: bigint;
}

/**
 * The local stock of one (realm, kind): reserved ranges in the order they were reserved, handed
 * out from the front. A range that continues the last one merges with it, so consecutive
 * reservations hand out as one block.
 */
export class GuidStock {
  readonly #ranges: HeldRange[] = [];
  #left = 0n;
  #capacity = 0n;

  /** GUIDs that can still be handed out. */
  get left(): bigint {
    return this.#left;
  }

  /**
   * How much of the held ranges is handed out already, from 0 to 1 (1 when nothing is held). A
   * range leaves the stock once it is used up, so this measures the ranges still in use, as
   * ToCloud9's guidserver does.
   */
  usedFraction(): number {
    if (this.#capacity === 0n) return 1;
    return 1 - Number(this.#left) / Number(this.#capacity);
  }

  /** Adds a freshly reserved range. */
  add(range: GuidRange): void {
    const size = range.end - range.start + 1n;
    if (size <= 0n) return;
    const last = this.#ranges.at(-1);
    if (last !== undefined && last.end + 1n === range.start) {
      last.end = range.end;
      last.size += size;
    } else {
      this.#ranges.push({ next: range.start, end: range.end, size });
    }
    this.#left += size;
    this.#capacity += size;
  }

  /**
   * Hands out `count` GUIDs from the front as one or more inclusive ranges. The caller checks
   * `left` first; asking for more than is left is a programming error.
   */
  take(count: bigint): GuidRange[] {
    if (count > this.#left) throw new RangeError(`asked for ${count} GUIDs but only ${this.#left} are left`);
    const taken: GuidRange[] = [];
    let wanted = count;
    while (wanted > 0n) {
      const front = this.#ranges[0];
      if (front === undefined) break;
      const available = front.end - front.next + 1n;
      const granted = wanted < available ? wanted : available;
      taken.push({ start: front.next, end: front.next + granted - 1n });
      front.next += granted;
      wanted -= granted;
      this.#left -= granted;
      if (front.next > front.end) {
        this.#ranges.shift();
        this.#capacity -= front.size;
      }
    }
    return taken;
  }
}
