import type { ModelData } from "highs";

/**
 * Collects a sparse model row by row in growable arrays and hands HiGHS typed arrays at the end:
 * building text in the LP format for tens of thousands of columns would cost more than solving.
 */
export class LpBuilder {
  private readonly colCost: number[] = [];
  private readonly colLower: number[] = [];
  private readonly colUpper: number[] = [];
  private readonly integrality: (0 | 1)[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  get colCount(): number {
    return this.colCost.length;
  }

  get rowCount(): number {
    return this.rowLower.length;
  }

  /**
   * Integer columns get integral bounds: HiGHS 1.15 can return an integer column at a fractional
   * upper bound when presolve removes it.
   */
  addCol(cost: number, lower: number, upper: number, integer: boolean): number {
    this.colCost.push(cost);
    this.colLower.push(integer ? Math.ceil(lower) : lower);
    this.colUpper.push(integer ? Math.floor(upper) : upper);
    this.integrality.push(integer ? 1 : 0);
    return this.colCost.length - 1;
  }

  addRow(lower: number, upper: number, columns: readonly number[], coefficients: readonly number[]): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (let i = 0; i < columns.length; i++) {
      this.indices.push(columns[i] ?? 0);
      this.values.push(coefficients[i] ?? 0);
    }
    this.starts.push(this.indices.length);
    return this.rowLower.length - 1;
  }

  build(): ModelData {
    const numCols = this.colCost.length;
    const numRows = this.rowLower.length;
    return {
      numCols,
      numRows,
      colCost: Float64Array.from(this.colCost),
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      integrality: Int32Array.from(this.integrality),
      matrix: {
        format: "csr",
        numRows,
        numCols,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
    };
  }
}
