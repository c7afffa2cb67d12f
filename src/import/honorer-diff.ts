// Honorer rows against the stored ones, by key (NUPTK, else NPSN + name + birth date).
import type { RoleIndex } from "./employee-roles.ts";
import type { HonorerInput } from "./honorer-row.ts";
import { changedFields, emptyDiff, record, type Diff } from "./import-diff.ts";
import { rejectInput, type DapodikSchools, type Rejected } from "./parse-rows.ts";

export interface HonorerTarget {
  key: string;
  name: string;
  nuptk: string | null;
  unitCode: string;
  roleCode: string;
  /** JJM: what an honorer teaches is the capacity they bring. */
  hoursTaught: number;
  subject: string | null;
  employment: string | null;
}

export type StoredHonorer = Omit<HonorerTarget, "key">;

/** Honorer to write, and the keys of those who left the schools the file lists. */
export type HonorerDiff = Diff<HonorerTarget> & { removes: string[] };

export function diffHonorers(
  inputs: HonorerInput[],
  stored: ReadonlyMap<string, StoredHonorer>,
  refs: { resolveUnit(ref: string): string | null; roles: RoleIndex },
  schools: DapodikSchools,
): HonorerDiff {
  const diff: HonorerDiff = { ...emptyDiff<HonorerTarget>(), removes: [] };
  const withRejectedRows = new Set(schools.withRejectedRows);
  for (const input of inputs) {
    const existing = stored.get(input.key) ?? null;
    const target = honorerTarget(input, existing, refs);
    if ("reason" in target) {
      diff.rejected.push(rejectInput(input, input.nuptk ?? input.name, target.reason));
      // The rejected row may be a stored honorer under a new key (a NUPTK given since): keep theirs.
      if (input.unit) withRejectedRows.add(input.unit);
      continue;
    }
    const { key, ...fields } = target;
    record(diff, "honorer", key, target, existing && changedFields(existing, fields));
  }
  for (const key of leftSchools(inputs, stored, refs, { ...schools, withRejectedRows })) {
    diff.removes.push(key);
    diff.changes.push({ kind: "honorer", key, action: "removed", fields: [] });
  }
  return diff;
}

/**
 * Stored honorer of a school the file lists in full who are not in it: their contract ended or they
 * left, and their hours no longer count. A school with a rejected row keeps its honorer (the row may
 * be theirs), and so does every school when a rejected row names none.
 */
function leftSchools(
  inputs: readonly HonorerInput[],
  stored: ReadonlyMap<string, StoredHonorer>,
  refs: { resolveUnit(ref: string): string | null },
  schools: DapodikSchools,
): string[] {
  if (schools.rejectedWithoutSchool) return [];
  const unitsOf = (refsOfSchools: ReadonlySet<string>) =>
    new Set([...refsOfSchools].flatMap((ref) => refs.resolveUnit(ref) ?? []));
  const doubtful = unitsOf(schools.withRejectedRows);
  const complete = new Set([...unitsOf(schools.listed)].filter((unit) => !doubtful.has(unit)));
  const inFile = new Set(inputs.map((input) => input.key));
  return [...stored]
    .filter(([key, honorer]) => complete.has(honorer.unitCode) && !inFile.has(key))
    .map(([key]) => key)
    .sort();
}

function honorerTarget(
  input: HonorerInput,
  existing: StoredHonorer | null,
  refs: { resolveUnit(ref: string): string | null; roles: RoleIndex },
): HonorerTarget | { reason: Rejected["reason"] } {
  // Like anyone's: the school by its NPSN, the role by Jenis PTK + Mata Pelajaran.
  const unitCode = input.unit ? refs.resolveUnit(input.unit) : existing?.unitCode;
  if (input.unit && !unitCode) return { reason: { code: "unit_unknown", params: { code: input.unit } } };
  if (!unitCode) return { reason: { code: "unit_missing" } };
  let roleCode = existing?.roleCode;
  if (input.ptkKind) {
    const found = refs.roles.byDapodik(input.ptkKind, input.subject);
    const label = [input.ptkKind, input.subject].filter(Boolean).join(" ");
    if (!found) return { reason: { code: "dapodik_role_unknown", params: { label } } };
    roleCode = found;
  }
  if (!roleCode) return { reason: { code: "dapodik_role_missing" } };
  return {
    key: input.key,
    name: input.name,
    nuptk: input.nuptk ?? existing?.nuptk ?? null,
    unitCode,
    roleCode,
    hoursTaught: input.hoursTaught ?? existing?.hoursTaught ?? 0,
    subject: input.subject ?? existing?.subject ?? null,
    employment: input.employment ?? existing?.employment ?? null,
  };
}
