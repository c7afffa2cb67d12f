import { afterEach, describe, expect, it } from "vitest";
import type { Plan, PlanInput } from "../../src/domain/balance/index.ts";
import { PlanMemo } from "../../src/engine/plan-memo.ts";
import { planWithin, type PlanWithinOptions } from "../../src/engine/plan-within.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";
import { people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { growToProvince } from "../support/province.ts";
import { apiCall, initDataFor, startWebApp } from "../support/web-app.ts";

const NOW = "2026-12-01T00:30:00Z"; // 09:30 WIT

describe.skipIf(skipPg)("what-ifs one after another (issue 30: a province's side takes 15–30 s)", () => {
  const db = useTestDatabase();
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  /**
   * The seeded district (with 10,000 more active staff: a province), the page with a memory of its own,
   * which plans with `makePlan`, and Rina (HR of Dinas Pendidikan) asking.
   */
  async function setUp(options: { province?: boolean; makePlan?: typeof planWithin } = {}) {
    const clock = fixedClock(NOW);
    const s = await seedHrDistrict(db.prisma, { now: new Date("2026-11-30T00:00:00Z") });
    if (options.province === true) await growToProvince(db.prisma, s.smp.id, s.guruIpa.id, "AKTIF");
    const plans = new PlanMemo(undefined, options.makePlan);
    const web = await startWebApp(db.prisma, { clock, plans });
    close = () => web.close();
    const rina = initDataFor(people.rina, clock.now());
    const whatIf = (body: object) => apiCall(web.url, "what-if", { initData: rina, body });
    return { s, plans, web, rina, whatIf };
  }

  it("plans the district as it is once while it stays the same, and again once it changes", async () => {
    const { s, plans, web, rina, whatIf } = await setUp();
    const first = await whatIf({ leaving: [s.ani.nip] });
    expect(first.status).toBe(200);
    expect(plans.counts()).toEqual({ made: 2, remembered: 0 });

    // Another change: the district as it is comes from memory, the same figures as the first answer's.
    const second = await whatIf({ policy: { maxDistanceKm: 50 } });
    expect(second.status).toBe(200);
    expect(second.body.before).toEqual(first.body.before);
    expect(plans.counts()).toEqual({ made: 3, remembered: 1 });

    // The first change asked again (a second press): both sides from memory, the same answer.
    const again = await whatIf({ leaving: [s.ani.nip] });
    expect(again.body).toEqual(first.body);
    expect(plans.counts()).toEqual({ made: 3, remembered: 3 });

    // The team approves the pending proposal in the page: the district changed, so it is planned again.
    const approved = await apiCall(web.url, `proposals/${s.proposal.id}/decision`, {
      initData: rina,
      body: { decision: "approve" },
    });
    expect(approved.status).toBe(200);
    const after = await whatIf({ policy: { maxDistanceKm: 50 } });
    expect(after.status).toBe(200);
    expect(plans.counts()).toEqual({ made: 5, remembered: 3 });
  });

  it("asked twice at once, makes one plan of each side", async () => {
    const { s, plans, whatIf } = await setUp();
    const body = { leaving: [s.ani.nip], policy: { maxMovesOutPerUnit: 1 } };
    const [one, two] = await Promise.all([whatIf(body), whatIf(body)]);
    expect(one.status).toBe(200);
    expect(two.body).toEqual(one.body);
    expect(plans.counts()).toEqual({ made: 2, remembered: 2 });
  });

  /** `planWithin`, noting when each plan starts and ends, and how many people it plans. */
  function recordingPlanner() {
    const events: string[] = [];
    const makePlan = async (input: PlanInput, options: PlanWithinOptions): Promise<Plan> => {
      events.push(`start ${input.employees.length} ${options.timeLimitSeconds} s`);
      try {
        return await planWithin(input, options);
      } finally {
        events.push(`end ${input.employees.length}`);
      }
    };
    return { events, makePlan };
  }

  it("plans a province's two sides at once while no move is in flight", async () => {
    const province = recordingPlanner();
    const { s, whatIf } = await setUp({ province: true, makePlan: province.makePlan });
    // The team rejected the one pending proposal: nothing is in flight.
    await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "REJECTED" } });
    const answer = await whatIf({ leaving: [s.ani.nip] });
    expect(answer.status).toBe(200);
    // Ani leaving: the "after" side plans one person fewer; both started before either ended, each with
    // a province's 40 s.
    const people = Number(province.events[0]?.split(" ")[1]);
    expect(people).toBeGreaterThan(10_000);
    expect(province.events.slice(0, 2).sort()).toEqual([`start ${people - 1} 40 s`, `start ${people} 40 s`]);
    // Both exact, not the greedy fallback: tiers 1–3 proved at least.
    const proved = { tiersProven: expect.arrayContaining([1, 2, 3]) as unknown };
    expect(answer.body).toMatchObject({ before: proved, after: proved });
  });

  it("plans a province's sides one after the other while a move is in flight, as a district's", async () => {
    const province = recordingPlanner();
    const { s, whatIf } = await setUp({ province: true, makePlan: province.makePlan });
    expect((await whatIf({ leaving: [s.ani.nip] })).status).toBe(200);
    const people = Number(province.events[0]?.split(" ")[1]);
    expect(people).toBeGreaterThan(10_000);
    expect(province.events).toEqual([
      `start ${people} 40 s`,
      `end ${people}`,
      `start ${people - 1} 40 s`,
      `end ${people - 1}`,
    ]);
  });

  it("plans a district's two sides one after the other", async () => {
    const district = recordingPlanner();
    const { s, whatIf } = await setUp({ makePlan: district.makePlan });
    expect((await whatIf({ leaving: [s.ani.nip] })).status).toBe(200);
    const count = Number(district.events[0]?.split(" ")[1]);
    expect(district.events).toEqual([
      `start ${count} 10 s`,
      `end ${count}`,
      `start ${count - 1} 10 s`,
      `end ${count - 1}`,
    ]);
  });
});
