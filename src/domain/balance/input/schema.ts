import { z } from "zod";
import type { PlanInput } from "../types.ts";

/** Bad plan input; `issues` names every offending row so the operator can fix them all in one pass. */
export class PlanInputError extends Error {
  readonly issues: string[];

  constructor(issues: string[]) {
    super(
      `Invalid plan input (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n- ${issues.join("\n- ")}`,
    );
    this.name = "PlanInputError";
    this.issues = issues;
  }
}

const text = z.string({ error: "must be text" });
const id = text.min(1, { error: "must not be empty" });
const hours = z.number({ error: "must be a number" }).nonnegative({ error: "must not be negative" });
const count = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .nonnegative({ error: "must not be negative" });

function coordinate(limit: number) {
  const outside = (issue: { input?: unknown }) => `${String(issue.input)} is outside -${limit}..${limit}`;
  return z
    .number({ error: "must be a number" })
    .min(-limit, { error: outside })
    .max(limit, { error: outside })
    .nullish();
}

const unitSchema = z
  .object({ id, name: text, lat: coordinate(90), lon: coordinate(180) }, { error: "must be an object" })
  .refine((unit) => (unit.lat == null) === (unit.lon == null), {
    error: "lat and lon go together: give both or neither",
  });
const roleSchema = z.object(
  { id, name: text, standardHours: hours.positive({ error: "must be positive" }).nullish() },
  { error: "must be an object" },
);
const demandSchema = z.object({ unit: id, role: id, hours }, { error: "must be an object" });
const WHY = ["objection", "tenure", "retirement", "pending", "inactive", "rejected", "other"] as const;
const employeeSchema = z.object(
  {
    id,
    name: text.optional(),
    unit: id,
    role: id,
    hours,
    movable: z.boolean({ error: "must be true or false" }),
    why: z.enum(WHY, { error: `must be one of ${WHY.join(", ")}` }).nullish(),
    volunteer: z.boolean({ error: "must be true or false" }).optional(),
    preferredUnits: z.array(id, { error: "must be a list of unit ids" }).optional(),
    excludedUnits: z.array(id, { error: "must be a list of unit ids" }).optional(),
  },
  { error: "must be an object" },
);
const compatibilitySchema = z.object({ from: id, to: id }, { error: "must be an object" });
const inFlightSchema = z.object(
  {
    employee: id,
    to: id,
    role: id,
    state: z.enum(["pending", "committed"], { error: "must be pending or committed" }),
  },
  { error: "must be an object" },
);
const recentMoveSchema = z.object(
  { employee: id.optional(), from: id, to: id },
  { error: "must be an object" },
);
const policySchema = z.object(
  {
    maxMovesPerUnit: count.nullish(),
    maxDistanceKm: hours.nullish(),
    maxMoves: count.nullish(),
    maxMovesOutPerUnit: count.nullish(),
    maxMovesInPerUnit: count.nullish(),
  },
  { error: "must be an object" },
);

const list = <T extends z.ZodType>(row: T) => z.array(row, { error: "must be a list" });

const planInputSchema: z.ZodType<PlanInput, unknown> = z.object(
  {
    version: z.union([z.literal(1), z.literal(2)], { error: "must be 1 or 2" }),
    units: list(unitSchema),
    roles: list(roleSchema),
    demand: list(demandSchema),
    employees: list(employeeSchema),
    compatibility: list(compatibilitySchema).default([]),
    policy: policySchema.default({}),
    inFlight: list(inFlightSchema).optional(),
    recentMoves: list(recentMoveSchema).optional(),
  },
  { error: "must be a JSON object" },
);

/** An issue with a sort key, so that issues read in the order of the file. */
interface Issue {
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

function schemaIssue(raw: unknown, issue: z.core.$ZodIssue): Issue {
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
function versionIssues(raw: unknown): Issue[] {
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
function referenceIssues(raw: unknown): Issue[] {
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

/**
 * Validates a plan file (already JSON-parsed) and returns it typed. Throws `PlanInputError` listing
 * every problem, so nothing is ever computed on a half-valid snapshot.
 */
export function parsePlanInput(json: unknown): PlanInput {
  const parsed = planInputSchema.safeParse(json);
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => schemaIssue(json, issue));
  issues.push(...versionIssues(json), ...referenceIssues(json));
  if (issues.length > 0 || !parsed.success) {
    issues.sort((a, b) => a.section - b.section || a.row - b.row);
    throw new PlanInputError(issues.map((issue) => issue.text));
  }
  return parsed.data;
}
