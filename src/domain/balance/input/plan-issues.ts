// The problems of a plan file named row by row, in the file's order: what the schema refused, what
// the version does not allow, and references to units, roles and people the file does not list.
import type { z } from "zod";

/** An issue with a sort key, so that issues read in the order of the file. */
export interface Issue {
  section: number;
  row: number;
  text: string;
}

const SECTIONS = [
  "version",
  "units",
  "roles",
  "demand",
  "employees",
  "compatibility",
  "policy",
  "inFlight",
  "recentMoves",
] as const;

type Row = Record<string, unknown>;

function rowsOf(raw: unknown, section: string): unknown[] {
  if (typeof raw !== "object" || raw === null) return [];
  const rows = (raw as Row)[section];
  return Array.isArray(rows) ? rows : [];
}

function field(row: unknown, name: string): unknown {
  return typeof row === "object" && row !== null ? (row as Row)[name] : undefined;
}

function stringField(row: unknown, name: string): string | undefined {
  const value = field(row, name);
  return typeof value === "string" ? value : undefined;
}

/** Names a row the way an operator finds it in the file: position plus its own identifiers. */
function rowLabel(raw: unknown, section: string, index: number): string {
  const row = rowsOf(raw, section)[index];
  const where = `${section}[${index}]`;
  if (section === "demand") {
    return `${where} (unit ${stringField(row, "unit") ?? "?"}, role ${stringField(row, "role") ?? "?"})`;
  }
  if (section === "compatibility" || section === "recentMoves") {
    return `${where} (${stringField(row, "from") ?? "?"} → ${stringField(row, "to") ?? "?"})`;
  }
  if (section === "inFlight") {
    return `${where} (${stringField(row, "employee") ?? "?"} → ${stringField(row, "to") ?? "?"})`;
  }
  const rowId = stringField(row, "id");
  return rowId === undefined ? where : `${where} (id ${rowId})`;
}

function sectionIndex(section: string): number {
  const index = SECTIONS.indexOf(section as (typeof SECTIONS)[number]);
  return index === -1 ? SECTIONS.length : index;
}

export function schemaIssue(raw: unknown, issue: z.core.$ZodIssue): Issue {
  const [section, index, ...rest] = issue.path.map(String);
  if (section === undefined) return { section: -1, row: 0, text: issue.message };
  if (index === undefined || !/^\d+$/.test(index)) {
    const name = [section, index].filter((part) => part !== undefined).join(".");
    return { section: sectionIndex(section), row: -1, text: `${name} ${issue.message}` };
  }
  const fieldName = rest.length > 0 ? `${rest.join(".")} ` : "";
  return {
    section: sectionIndex(section),
    row: Number(index),
    text: `${rowLabel(raw, section, Number(index))}: ${fieldName}${issue.message}`,
  };
}

/** Ids seen in a section (first index per id), reporting every later duplicate. */
function collectIds(raw: unknown, section: string, issues: Issue[]): Set<string> {
  const firstIndex = new Map<string, number>();
  rowsOf(raw, section).forEach((row, index) => {
    const rowId = stringField(row, "id");
    if (rowId === undefined) return;
    const first = firstIndex.get(rowId);
    if (first === undefined) {
      firstIndex.set(rowId, index);
      return;
    }
    issues.push({
      section: sectionIndex(section),
      row: index,
      text: `${rowLabel(raw, section, index)}: duplicate id, already used by ${section}[${first}]`,
    });
  });
  return new Set(firstIndex.keys());
}

function checkReferences(
  raw: unknown,
  section: string,
  references: ReadonlyArray<{ field: string; known: Set<string>; kind: string }>,
  issues: Issue[],
): void {
  rowsOf(raw, section).forEach((row, index) => {
    for (const reference of references) {
      const value = stringField(row, reference.field);
      if (value === undefined || reference.known.has(value)) continue;
      issues.push({
        section: sectionIndex(section),
        row: index,
        text: `${rowLabel(raw, section, index)}: ${reference.kind} "${value}" is unknown`,
      });
    }
  });
}

const V2_POLICY = ["maxMovesOutPerUnit", "maxMovesInPerUnit"] as const;
const V2_EMPLOYEE = ["why", "volunteer", "preferredUnits", "excludedUnits"] as const;
const V2_SECTIONS = ["inFlight", "recentMoves"] as const;

/** Fields version 1 does not have: a v1 file that uses them would silently lose them, so it is refused. */
export function versionIssues(raw: unknown): Issue[] {
  if (field(raw, "version") !== 1) return [];
  const issues: Issue[] = [];
  for (const name of V2_SECTIONS) {
    if (field(raw, name) != null)
      issues.push({ section: sectionIndex(name), row: -1, text: `${name} needs "version": 2` });
  }
  const policy = field(raw, "policy");
  for (const name of V2_POLICY) {
    if (field(policy, name) != null)
      issues.push({ section: sectionIndex("policy"), row: -1, text: `policy.${name} needs "version": 2` });
  }
  rowsOf(raw, "employees").forEach((row, index) => {
    for (const name of V2_EMPLOYEE) {
      if (field(row, name) == null) continue;
      issues.push({
        section: sectionIndex("employees"),
        row: index,
        text: `${rowLabel(raw, "employees", index)}: ${name} needs "version": 2`,
      });
    }
  });
  return issues;
}

/** Every unit an employee asks for or may not go to must exist: a typo would silently drop it. */
function checkEmployeeUnits(raw: unknown, units: Set<string>, issues: Issue[]): void {
  rowsOf(raw, "employees").forEach((row, index) => {
    for (const name of ["preferredUnits", "excludedUnits"]) {
      const listed = field(row, name);
      if (!Array.isArray(listed)) continue;
      for (const value of listed) {
        if (typeof value !== "string" || value === "" || units.has(value)) continue;
        issues.push({
          section: sectionIndex("employees"),
          row: index,
          text: `${rowLabel(raw, "employees", index)}: ${name} unit "${value}" is unknown`,
        });
      }
    }
  });
}

/** Cross-row rules zod cannot see: duplicate ids and references to units or roles that do not exist. */
export function referenceIssues(raw: unknown): Issue[] {
  const issues: Issue[] = [];
  const units = collectIds(raw, "units", issues);
  const roles = collectIds(raw, "roles", issues);
  const employees = collectIds(raw, "employees", issues);
  const ref = (field: string, known: Set<string>, kind: string) => ({ field, known, kind });
  const unitRef = ref("unit", units, "unit");
  const roleRef = ref("role", roles, "role");
  checkReferences(raw, "demand", [unitRef, roleRef], issues);
  checkReferences(raw, "employees", [unitRef, roleRef], issues);
  checkEmployeeUnits(raw, units, issues);
  checkReferences(
    raw,
    "inFlight",
    [ref("employee", employees, "employee"), ref("to", units, "unit"), roleRef],
    issues,
  );
  checkReferences(raw, "recentMoves", [ref("from", units, "unit"), ref("to", units, "unit")], issues);
  checkOneInFlight(raw, issues);
  checkReferences(raw, "compatibility", [ref("from", roles, "role"), ref("to", roles, "role")], issues);
  return issues;
}

/** One proposal in flight per person: two would move them twice. */
function checkOneInFlight(raw: unknown, issues: Issue[]): void {
  const first = new Map<string, number>();
  rowsOf(raw, "inFlight").forEach((row, index) => {
    const employee = stringField(row, "employee");
    if (employee === undefined) return;
    const earlier = first.get(employee);
    if (earlier === undefined) first.set(employee, index);
    else
      issues.push({
        section: sectionIndex("inFlight"),
        row: index,
        text: `${rowLabel(raw, "inFlight", index)}: employee already in flight in inFlight[${earlier}]`,
      });
  });
}
