import { z } from "zod";
import type { PlanInput } from "../types.ts";
import { referenceIssues, schemaIssue, versionIssues } from "./plan-issues.ts";

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
  .object(
    { id, name: text, lat: coordinate(90), lon: coordinate(180), private: z.boolean().optional() },
    { error: "must be an object" },
  )
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
