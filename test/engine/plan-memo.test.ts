import { describe, expect, it } from "vitest";
import { planTransfers, type Plan, type PlanInput } from "../../src/domain/balance/index.ts";
import { PlanMemo } from "../../src/engine/plan-memo.ts";
import type { PlanWithinOptions } from "../../src/engine/plan-within.ts";
import { makeDemand, makeEmployee, makeInput, makeUnit, nip } from "../domain/balance/builders.ts";

/** A school short of a class teacher and one with a spare: `spare` people there. */
const district = (spare: number): PlanInput =>
  makeInput({
    units: [makeUnit({ id: "SD" }), makeUnit({ id: "SMP", lat: -8.41 })],
    demand: [makeDemand("SD", "GURU_KELAS", 48)],
    // The same NIPs each time: the same district built again is the same input.
    employees: Array.from({ length: spare }, (_, i) =>
      makeEmployee({ id: nip(i + 1), unit: "SMP", role: "GURU_KELAS" }),
    ),
  });

const options: PlanWithinOptions = { timeLimitSeconds: 5 };

/** The engine in-process, counting its calls; `answer` may change what it gives. */
function planner(answer: (input: PlanInput) => Promise<Plan> = (input) => planTransfers(input)) {
  const asked: PlanInput[] = [];
  return {
    asked,
    plan: (input: PlanInput) => {
      asked.push(input);
      return answer(input);
    },
  };
}

describe("plans remembered by what was asked (engine/plan-memo.ts, issue 30)", () => {
  it("answers the same input and options from memory, and plans a changed one", async () => {
    const engine = planner();
    const plans = new PlanMemo(4, engine.plan);
    const first = await plans.plan(district(2), options);
    // The same district built again (another object, the same content): remembered.
    expect(await plans.plan(district(2), options)).toBe(first);
    // Another limit, another district: planned. Where the engine runs is not part of what is asked.
    await plans.plan(district(2), { timeLimitSeconds: 6 });
    await plans.plan(district(3), options);
    expect(await plans.plan(district(2), { ...options, inWorker: true })).toBe(first);
    expect(engine.asked).toHaveLength(3);
    expect(plans.counts()).toEqual({ made: 3, remembered: 2 });
    expect(first.moves).toHaveLength(2);
  });

  it("keeps the last four asked, the least recently asked going first", async () => {
    const engine = planner();
    const plans = new PlanMemo(4, engine.plan);
    for (const spare of [1, 2, 3, 4]) await plans.plan(district(spare), options);
    await plans.plan(district(1), options); // asked again: now the most recent
    await plans.plan(district(5), options); // a fifth: district(2) goes
    await plans.plan(district(1), options);
    await plans.plan(district(2), options);
    expect(engine.asked.map((input) => input.employees.length)).toEqual([1, 2, 3, 4, 5, 2]);
  });

  it("does not keep a greedy answer or a failure: the next ask plans again", async () => {
    let greedy = true;
    const engine = planner((input) => planTransfers(input, greedy ? { method: "greedy" } : {}));
    const plans = new PlanMemo(4, engine.plan);
    expect((await plans.plan(district(2), options)).metrics.method).toBe("greedy");
    greedy = false;
    expect((await plans.plan(district(2), options)).metrics.method).not.toBe("greedy");
    expect(engine.asked).toHaveLength(2);

    const failing = planner(() => Promise.reject(new Error("worker died")));
    const flaky = new PlanMemo(4, failing.plan);
    await expect(flaky.plan(district(2), options)).rejects.toThrow("worker died");
    await expect(flaky.plan(district(2), options)).rejects.toThrow("worker died");
    expect(failing.asked).toHaveLength(2);
  });

  it("makes one plan for two asks at once", async () => {
    const engine = planner();
    const plans = new PlanMemo(4, engine.plan);
    const [one, two] = await Promise.all([
      plans.plan(district(2), options),
      plans.plan(district(2), options),
    ]);
    expect(two).toBe(one);
    expect(engine.asked).toHaveLength(1);
  });
});
