// A jabatan / kesesuaian sheet against the roles and pairs stored: what each row would create or
// change, the rows refused with their reason, and the writes that make it so (db/reference-writes.ts).
import type { CompatibilityField, MappedReference } from "./columns.ts";
import type { RejectReason, Rejected, RowPlace } from "./cells.ts";
import {
  cellOf,
  optionalText as text,
  parseRoleRow,
  ReferenceRowError,
  fail,
  rowValues,
  type RoleTarget,
  type StoredRole,
} from "./parse-reference-rows.ts";
import { cellText, type RawRow } from "./raw-table.ts";

export interface ReferenceCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What a jabatan / kesesuaian sheet did; rejected rows use the data import's shape and reasons. */
export interface ReferenceReport {
  roles: ReferenceCounts;
  compatibility: ReferenceCounts;
  rejected: Rejected[];
  headers: string[];
  changes: Array<{
    kind: "role" | "compatibility";
    key: string;
    action: "created" | "updated";
    fields: string[];
  }>;
  dryRun: boolean;
  applied: boolean;
}

export interface RoleWrite {
  target: RoleTarget;
  stored: StoredRole | undefined;
  fields: string[];
}

export interface CompatWrite {
  from: string;
  to: string;
  note: string | null;
  exists: boolean;
}

/** The stored roles, their Dapodik labels and the compatibility pairs, as the diff reads them. */
export interface StoredReference {
  roles: StoredRole[];
  labels: Array<{ key: string; label: string; roleId: number }>;
  pairs: Array<{ fromRoleId: number; toRoleId: number; note: string | null }>;
}

export interface ReferenceDiff {
  report: ReferenceReport;
  roleWrites: RoleWrite[];
  compatWrites: CompatWrite[];
}

export const labelList = (labels: Iterable<string>) => [...labels].sort().join(";");

/**
 * Jabatan rows first (a label is taken when another row of the file, or a role the file leaves alone,
 * has it), then kesesuaian rows, which may name a role the file creates. A bad row is refused with its
 * reason and the rest go on; a row that changes nothing is counted unchanged.
 */
export function diffReference(
  mapped: MappedReference[],
  { roles, labels, pairs }: StoredReference,
  dryRun: boolean,
): ReferenceDiff {
  const report: ReferenceReport = {
    roles: { created: 0, updated: 0, unchanged: 0 },
    compatibility: { created: 0, updated: 0, unchanged: 0 },
    rejected: [],
    headers: [],
    changes: [],
    dryRun,
    applied: false,
  };
  const roleByCode = new Map(roles.map((r) => [r.code, r]));
  const codeById = new Map(roles.map((r) => [r.id, r.code]));
  const labelsByCode = new Map<string, Map<string, string>>();
  for (const l of labels) {
    const code = codeById.get(l.roleId) ?? "";
    if (!labelsByCode.has(code)) labelsByCode.set(code, new Map());
    labelsByCode.get(code)!.set(l.key, l.label);
  }
  const pairNote = new Map(
    pairs.map((p) => [`${codeById.get(p.fromRoleId)}>${codeById.get(p.toRoleId)}`, p.note]),
  );

  const roleWrites: RoleWrite[] = [];
  const compatWrites: CompatWrite[] = [];
  const seen = new Map<string, number>();
  const reject = (place: RowPlace, key: string, reason: RejectReason, headers: string[], row: RawRow) =>
    report.rejected.push({ ...place, key, reason, values: rowValues(headers, row) });

  // Jabatan rows first: a label is taken when another row of the file, or a role the file leaves alone, has it.
  const jabatan = mapped.flatMap((m) => (m.kind === "roles" ? [m] : []));
  const parsedRoles: Array<{ place: RowPlace; row: RawRow; headers: string[]; target: RoleTarget }> = [];
  for (const { table, columns } of jabatan) {
    for (const header of table.headers)
      if (header && !report.headers.includes(header)) report.headers.push(header);
    for (const row of table.rows) {
      const place = { sheet: table.sheet, line: row.line };
      const get = cellOf(columns, row);
      try {
        const code = text(get("code"))?.toUpperCase() ?? "";
        const first = seen.get(`role:${code}`);
        if (code && first !== undefined) fail("duplicate", { line: first });
        const target = parseRoleRow(get, roleByCode.get(code));
        seen.set(`role:${code}`, row.line);
        parsedRoles.push({ place, row, headers: table.headers, target });
      } catch (error) {
        if (!(error instanceof ReferenceRowError)) throw error;
        reject(place, cellText(get("code")), error.reason, table.headers, row);
      }
    }
  }
  const relabelled = new Set(parsedRoles.filter((p) => p.target.labels).map((p) => p.target.code));
  const labelOwner = new Map<string, string>();
  for (const [code, map] of labelsByCode)
    if (!relabelled.has(code)) for (const key of map.keys()) labelOwner.set(key, code);
  for (const { place, row, headers, target } of parsedRoles) {
    const taken = [...(target.labels?.entries() ?? [])].find(([key]) => {
      const owner = labelOwner.get(key);
      return owner !== undefined && owner !== target.code;
    });
    if (taken) {
      reject(
        place,
        target.code,
        { code: "ref_label_taken", params: { label: taken[1], code: labelOwner.get(taken[0])! } },
        headers,
        row,
      );
      continue;
    }
    for (const key of target.labels?.keys() ?? []) labelOwner.set(key, target.code);
    const stored = roleByCode.get(target.code);
    const storedLabels = labelsByCode.get(target.code) ?? new Map<string, string>();
    const before = stored
      ? {
          name: stored.name,
          teacher: stored.isTeacher,
          hours: stored.standardHours,
          unit: stored.hoursUnit,
          bup: stored.retirementAge,
          bupSet: stored.retirementAgeSet,
          perRombel: stored.hoursPerRombel,
          qualification: stored.qualification,
          review: stored.needsReview,
          dapodik: labelList(storedLabels.values()),
        }
      : {};
    const after = {
      name: target.name,
      teacher: target.isTeacher,
      hours: target.standardHours,
      unit: target.hoursUnit,
      bup: target.retirementAge,
      bupSet: target.retirementAgeSet,
      perRombel: target.hoursPerRombel,
      qualification: target.qualification,
      // A jabatan row is the admin's review of the role.
      review: false,
      dapodik: labelList((target.labels ?? storedLabels).values()),
    };
    const fields = Object.keys(after).filter(
      (k) => (before as Record<string, unknown>)[k] !== (after as Record<string, unknown>)[k],
    );
    if (!stored) report.roles.created += 1;
    else if (fields.length === 0) {
      report.roles.unchanged += 1;
      continue;
    } else report.roles.updated += 1;
    report.changes.push({
      kind: "role",
      key: target.code,
      action: stored ? "updated" : "created",
      fields: stored ? fields : [],
    });
    roleWrites.push({ target, stored, fields });
  }

  const knownCodes = new Set([...roleByCode.keys(), ...roleWrites.map((w) => w.target.code)]);
  for (const { table, columns } of mapped.flatMap((m) => (m.kind === "compatibility" ? [m] : []))) {
    for (const header of table.headers)
      if (header && !report.headers.includes(header)) report.headers.push(header);
    for (const row of table.rows) {
      const place = { sheet: table.sheet, line: row.line };
      const get = cellOf<CompatibilityField>(columns, row);
      const from = text(get("from"))?.toUpperCase();
      const to = text(get("to"))?.toUpperCase();
      const key = `${from ?? ""}>${to ?? ""}`;
      try {
        if (!from || !to) fail("ref_compat_missing");
        if (from === to) fail("ref_compat_self", { code: from! });
        for (const code of [from!, to!]) if (!knownCodes.has(code)) fail("ref_compat_unknown", { code });
        const first = seen.get(`compat:${key}`);
        if (first !== undefined) fail("duplicate", { line: first });
        seen.set(`compat:${key}`, row.line);
      } catch (error) {
        if (!(error instanceof ReferenceRowError)) throw error;
        reject(place, key, error.reason, table.headers, row);
        continue;
      }
      const exists = pairNote.has(key);
      const note = text(get("note")) ?? pairNote.get(key) ?? null;
      if (exists && note === (pairNote.get(key) ?? null)) {
        report.compatibility.unchanged += 1;
        continue;
      }
      report.compatibility[exists ? "updated" : "created"] += 1;
      report.changes.push({
        kind: "compatibility",
        key,
        action: exists ? "updated" : "created",
        fields: exists ? ["note"] : [],
      });
      compatWrites.push({ from: from!, to: to!, note, exists });
    }
  }
  report.rejected.sort((a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || a.line - b.line);
  return { report, roleWrites, compatWrites };
}
