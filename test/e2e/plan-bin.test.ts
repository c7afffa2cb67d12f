import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asVersion2, generateDistrict } from "../../bench/engine-district.ts";
import type { Plan } from "../../src/domain/balance/index.ts";
import { buildIsCurrent } from "../../src/engine/worker-entry.ts";

const run = promisify(execFile);

/** `seimbang plan` as an operator runs it: the bin in a child process, a file in, a plan out. */
describe("seimbang plan, from the engine's build when it is current (issue 30)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-plan-bin-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const seimbang = (...args: string[]) =>
    run(process.execPath, ["bin/seimbang.js", "plan", ...args], {
      env: { ...process.env, LOG_LEVEL: "warn" },
    })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
      .catch((error: { code: number; stdout: string; stderr: string }) => ({ ...error }));

  it("plans a district of 2,000 people in its worker, and writes what it says", async () => {
    // CI builds the engine on install; locally an edited source sends `plan` through tsx instead.
    if (process.env.CI) expect(buildIsCurrent()).toBe(true);
    const input = join(dir, "district.json");
    const output = join(dir, "plan.json");
    await writeFile(
      input,
      JSON.stringify(asVersion2(generateDistrict({ units: 120, people: 2_000 }, 7, "standard"))),
    );
    const { code, stdout, stderr } = await seimbang(
      "--input",
      input,
      "--output",
      output,
      "--time-limit",
      "30",
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const plan = JSON.parse(await readFile(output, "utf8")) as Plan;
    expect(stdout.trim()).toBe(
      `Plan written to ${output}: ${plan.metrics.moves} moves, unmet ${plan.metrics.unmetBefore} → ${plan.metrics.unmetAfter} h/week.`,
    );
    expect(plan.metrics.method).not.toBe("greedy");
    expect(plan.metrics.tiersProven).toEqual([1, 2, 3, 4]);
    expect(plan.moves.length).toBe(plan.metrics.moves);
  }, 60_000);

  it("a missing file, a bad argument and a bad plan input each get their answer and exit code", async () => {
    const missing = await seimbang("--input", join(dir, "nope.json"));
    expect(missing).toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(/^Cannot read .*nope\.json/),
    });
    const bogus = await seimbang("--bogus");
    expect(bogus).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^unknown argument: --bogus\nusage: plan/),
    });
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ version: 2 }));
    const refused = await seimbang("--input", bad);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Invalid plan input (4 problems)"),
    });
  }, 60_000);
});
