/** A move by indices: employee, destination unit, role filled there. */
export interface MoveIndex {
  employee: number;
  to: number;
  role: number;
}
