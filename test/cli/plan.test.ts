import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/commands/check.ts";
import { planCommand } from "../../src/cli/commands/plan.ts";
import { snapshotCommand } from "../../src/cli/commands/snapshot.ts";
import { BALANCE_POLICY_SETTING } from "../../src/db/build-plan-input.ts";
import { putSetting } from "../../src/db/settings.ts";
import type { Plan, PlanInput } from "../../src/domain/balance/index.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { testCli } from "../support/cli.ts";
import { useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";

const REASONS = [
  "no_compatible_supply",
  "beyond_distance",
  "candidates_ineligible",
  "unit_intake_cap",
  "origin_cap",
  "total_cap",
  "supply_exhausted",
];

/** The same district as a version 1 file: no `why`, no in/out bounds. */
function asVersion1(input: PlanInput): PlanInput {
  const { maxMovesInPerUnit: _in, maxMovesOutPerUnit: _out, ...policy } = input.policy;
  const { inFlight: _flight, recentMoves: _recent, ...rest } = input;
  return {
    ...rest,
    version: 1,
    employees: input.employees.map(({ why: _why, ...employee }) => employee),
    policy,
  };
}

describe("cli snapshot, plan and check --json on plan format v2", () => {
  const db = useTestDatabase({ resetEach: false });
  let dir: string;
  const clock = fixedClock();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-plan-"));
    await db.prisma.$transaction((tx) => seedDemo(tx, { now: clock.now(), timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });
    await putSetting(db.prisma, BALANCE_POLICY_SETTING, {
      maxMovesPerUnit: 3,
      maxMovesInPerUnit: 4,
      maxMovesOutPerUnit: "two",
      maxMoves: null,
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = () => testCli(db.prisma, { clock, dataDir: dir });

  async function snapshot(): Promise<PlanInput> {
    const path = join(dir, "snapshot.json");
    const { ctx, out } = cli();
    await snapshotCommand.run(["--out", path], ctx);
    expect(out.join("\n")).toMatch(/^Snapshot written to .*snapshot\.json: \d+ units, \d+ employees/);
    return JSON.parse(await readFile(path, "utf8")) as PlanInput;
  }

  async function plan(input: unknown): Promise<Plan> {
    const path = join(dir, `input-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, JSON.stringify(input));
    const { ctx, out } = cli();
    await planCommand.run(["--input", path], ctx);
    return JSON.parse(out.join("\n")) as Plan;
  }

  it("snapshot writes version 2 with the agency's policy (a malformed field keeps its default) and why", async () => {
    const input = await snapshot();
    expect(input.version).toBe(2);
    expect(input.policy).toEqual({
      maxMovesPerUnit: 3,
      maxDistanceKm: 120,
      maxMoves: null,
      maxMovesOutPerUnit: null,
      maxMovesInPerUnit: 4,
    });
    const fixed = input.employees.filter((employee) => !employee.movable);
    expect(fixed.length).toBeGreaterThan(0);
    for (const employee of fixed)
      expect(["tenure", "retirement", "objection", "pending"]).toContain(employee.why);
    expect(input.employees.filter((employee) => employee.movable && employee.why !== undefined)).toEqual([]);
  });

  it("plan --input proves five tiers on the v2 snapshot (with the plan in flight) and three on the same district as v1, each with shortfalls", async () => {
    const input = await snapshot();
    const v2 = await plan(input);
    const v1 = await plan(asVersion1(input));
    expect(v2.metrics).toMatchObject({ optimal: true, tiersProven: [1, 2, 3, 4, 5], method: "exact" });
    expect(v1.metrics).toMatchObject({ optimal: true, tiersProven: [1, 2, 3], method: "exact" });
    expect(v2.metrics.severityAfter).toBeLessThanOrEqual(v1.metrics.severityAfter);
    expect(v2.metrics.worstShareAfter).toBeLessThanOrEqual(v1.metrics.worstShareAfter);
    for (const result of [v1, v2]) {
      expect(result.shortfalls?.length).toBeGreaterThan(0);
      for (const shortfall of result.shortfalls ?? []) expect(REASONS).toContain(shortfall.reason);
    }
  });

  it("plan --time-limit passes the operator's limit and checks it (issue 30)", async () => {
    const input = await snapshot();
    const path = join(dir, "limited.json");
    await writeFile(path, JSON.stringify(input));
    const run = cli();
    await planCommand.run(["--input", path, "--time-limit", "5"], run.ctx);
    expect((JSON.parse(run.out.join("\n")) as Plan).metrics).toMatchObject({
      optimal: true,
      method: "exact",
    });
    for (const bad of ["0", "lima", "4000"])
      await expect(planCommand.run(["--input", path, "--time-limit", bad], cli().ctx)).rejects.toThrow(
        /--time-limit is seconds from 1 to 3600/,
      );
  });

  it("plan refuses a version 1 file that uses version 2 fields, naming each", async () => {
    const input = await snapshot();
    const path = join(dir, "mixed.json");
    await writeFile(path, JSON.stringify({ ...input, version: 1 }));
    const { ctx } = cli();
    const refused = planCommand.run(["--input", path], ctx);
    await expect(refused).rejects.toMatchObject({ exitCode: 1 });
    await expect(refused).rejects.toThrow(/policy\.maxMovesInPerUnit needs "version": 2/);
    await expect(refused).rejects.toThrow(/employees\[\d+\] \(id \d{18}\): why needs "version": 2/);
  });

  it("check --json prints the new metrics and every need still short with its reason, storing nothing", async () => {
    const { ctx, out } = cli();
    await checkCommand.run(["--json"], ctx);
    const result = JSON.parse(out.join("\n")) as {
      runId: number | null;
      metrics: Plan["metrics"];
      proposals: Array<{ to: string }>;
      shortfalls: NonNullable<Plan["shortfalls"]>;
    };
    expect(result.runId).toBeNull();
    expect(result.metrics).toMatchObject({ optimal: true, tiersProven: [1, 2, 3, 4, 5] });
    expect(result.metrics.severityAfter).toBeLessThan(result.metrics.severityBefore);
    expect(result.proposals.length).toBe(result.metrics.moves);
    expect(result.shortfalls.length).toBeGreaterThan(0);
    for (const shortfall of result.shortfalls) {
      expect(REASONS).toContain(shortfall.reason);
      expect(shortfall.unmetHours).toBeGreaterThan(0);
    }
    expect(await db.prisma.proposal.count()).toBe(0);
    await expect(checkCommand.run(["--jsn"], cli().ctx)).rejects.toMatchObject({ exitCode: 2 });
  });
});
