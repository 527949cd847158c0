/**
 * A small seeded PRNG (mulberry32). Seeding must be reproducible across Node versions, which
 * Math.random is not, and fast enough to draw a few million numbers for 100,000 users.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly { weight: number; value: T }[]): T;
  /** Like `weighted`, with the cumulative table built once (for picks inside hot loops). */
  weightedPicker<T>(items: readonly { weight: number; value: T }[]): () => T;
  /** 32 lowercase hex characters, the shape of every Workfront ID. */
  hexId(): string;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function createRng(seed: number): Rng {
  let state = (seed ^ 0x9e3779b9) >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint32() / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);

  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error("pick() from an empty list");
      return item;
    },
    weighted<T>(items: readonly { weight: number; value: T }[]): T {
      const total = items.reduce((sum, item) => sum + item.weight, 0);
      let roll = next() * total;
      for (const item of items) {
        roll -= item.weight;
        if (roll < 0) return item.value;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error("weighted() from an empty list");
      return last.value;
    },
    weightedPicker<T>(items: readonly { weight: number; value: T }[]): () => T {
      if (items.length === 0) throw new Error("weightedPicker() from an empty list");
      const cumulative: number[] = [];
      let total = 0;
      for (const item of items) cumulative.push((total += item.weight));
      const values = items.map((item) => item.value);
      return () => {
        const roll = next() * total;
        let i = 0;
        while (i < cumulative.length - 1 && roll >= cumulative[i]!) i++;
        return values[i]!;
      };
    },
    hexId() {
      let id = "";
      for (let i = 0; i < 4; i++) {
        const word = nextUint32();
        id +=
          HEX_BYTES[word >>> 24]! +
          HEX_BYTES[(word >>> 16) & 255]! +
          HEX_BYTES[(word >>> 8) & 255]! +
          HEX_BYTES[word & 255]!;
      }
      return id;
    },
  };
}
