import { afterEach, describe, expect, it } from "vitest";
import { PlanMemo } from "../../src/engine/plan-memo.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";
import { people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { apiCall, initDataFor, startWebApp } from "../support/web-app.ts";

const NOW = "2026-12-01T00:30:00Z"; // 09:30 WIT

describe.skipIf(skipPg)("what-ifs one after another (issue 30: a province's side takes 15–30 s)", () => {
  const db = useTestDatabase();
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  /** The seeded district, the page with a memory of its own, and Rina (HR of Dinas Pendidikan) asking. */
  async function setUp() {
    const clock = fixedClock(NOW);
    const s = await seedHrDistrict(db.prisma, { now: new Date("2026-11-30T00:00:00Z") });
    const plans = new PlanMemo();
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
});
