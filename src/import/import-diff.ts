// What an import changes, decided before anything is written: each row of the file against the
// stored record with the same key (unit code, NIP). Pure: the stored records come in as maps.
// The shared part; unit-diff.ts and employee-diff.ts decide each kind.
import type { Rejected } from "./parse-rows.ts";

export interface Change {
  kind: "unit" | "employee" | "honorer";
  key: string;
  action: "created" | "updated" | "removed";
  fields: string[];
}

export interface Diff<T> {
  creates: T[];
  updates: T[];
  unchanged: number;
  changes: Change[];
  rejected: Rejected[];
}

export function emptyDiff<T>(): Diff<T> {
  return { creates: [], updates: [], unchanged: 0, changes: [], rejected: [] };
}

/** `fields` is null for a new record, else the fields that differ from the stored one. */
export function record<T>(
  diff: Diff<T>,
  kind: Change["kind"],
  key: string,
  target: T,
  fields: string[] | null,
): void {
  if (fields === null) {
    diff.creates.push(target);
    diff.changes.push({ kind, key, action: "created", fields: [] });
  } else if (fields.length === 0) {
    diff.unchanged += 1;
  } else {
    diff.updates.push(target);
    diff.changes.push({ kind, key, action: "updated", fields });
  }
}

export function changedFields(before: object, after: object): string[] {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys(now).filter((key) => (old[key] ?? null) !== (now[key] ?? null));
}
