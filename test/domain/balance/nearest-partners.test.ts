import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallest } from "../../../src/domain/balance/exact/pairing.ts";

/** The reference: every finite value's index, sorted by value then index, the first `count`. */
function bySorting(values: readonly number[], count: number): number[] {
  const finite = values.flatMap((value, index) => (Number.isFinite(value) ? [index] : []));
  if (count >= values.length) return finite;
  return finite.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b).slice(0, count);
}

describe("each unit's nearest partners when a pairing has too many pairs (pairing.ts)", () => {
  it("are the closest reachable ones, ties by order, read along a row or down a column", () => {
    const distance = fc.oneof(
      fc.constant(Infinity),
      fc.integer({ min: 0, max: 6 }),
      fc.double({ min: 0, max: 120, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(distance, { maxLength: 40 }),
        fc.integer({ min: 0, max: 45 }),
        fc.integer({ min: 1, max: 4 }),
        (values, count, stride) => {
          // The values as one column of a matrix `stride` wide, after one cell of something else.
          const matrix = new Float64Array(1 + values.length * stride).fill(-1);
          values.forEach((value, index) => (matrix[1 + index * stride] = value));
          expect(smallest(matrix, count, 1, stride, values.length)).toEqual(bySorting(values, count));
        },
      ),
      { numRuns: 2_000, seed: 30 },
    );
  });
});
