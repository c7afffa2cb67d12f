// What a balancing check pushes (issue 14): per HR group the alert, the chart and ONE digest of its
// proposals, so a 20-proposal check is three messages, not twenty-two; proposals of an agency with
// no HR group are reported to the admins instead of waiting silently.
import type { DbTx } from "../../db/client.ts";
import { loadDigest } from "../../db/digest-query.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { certifiedUnderStandard } from "../../db/read-district.ts";
import { balancingAlertText, type AlertRole } from "../../messages/balancing-alert.ts";
import { hoursUnitOf } from "../../messages/format.ts";
import { Html, translate, type Locale } from "../../messages/locales/index.ts";
import { renderDigest } from "../../messages/proposal-digest.ts";
import { adminRecipients, type AdminConfig } from "../outbox-policy/index.ts";
import type { ExplainedMove } from "./explain-balancing-plan.ts";
import { listOpenRequests, listRolesNeedingReview } from "../units/index.ts";
import type { KeptProposal, PostBalancingPlanInput } from "./check-types.ts";
import { computeUnitLoads } from "../../domain/balance/index.ts";
import { getSetting, putSetting } from "../../db/settings.ts";
import { hiringNeeds } from "../../domain/formasi.ts";
import { isPrivateSchool } from "../../domain/redistribution.ts";
import { periodOf } from "../../domain/time.ts";

/** Proposals of an agency without a group named in the admins' notice; the rest are counted. */
const NO_GROUP_SHOWN = 10;

export interface CheckPushes {
  /** Alerts queued, one per agency with an active HR group and something to say. */
  alerts: number;
  /** Proposals queued in a digest to their HR group. */
  sent: number;
  /** Proposals of agencies with no active HR group: reported to the admins, waiting for a group. */
  waiting: number;
}

type Created = Array<{ id: number; move: ExplainedMove }>;

export interface CheckOutcome {
  runId: number;
  created: Created;
  /** Pending proposals of earlier checks the plan keeps, and those it withdrew. */
  kept: KeptProposal[];
  withdrawn: Array<{ id: number; agencyId: number }>;
}

export async function queueCheckPushes(
  tx: DbTx,
  input: PostBalancingPlanInput & CheckOutcome,
): Promise<CheckPushes> {
  const { plan, district } = input.computed;
  const groups = await tx.hrGroup.findMany({
    where: { active: true },
    include: { agency: true },
    orderBy: { agencyId: "asc" },
  });
  const unitById = new Map(district.units.map((u) => [u.code, u]));
  const roleByCode = new Map<string, AlertRole>(
    district.roles.map((r) => [r.code, { name: r.name, hoursUnit: hoursUnitOf(r) }]),
  );
  const rolesToReview = await listRolesNeedingReview(tx);
  // The district after the committed moves alone (approved, or with an SK, waiting for the TMT).
  const committed = (input.computed.input.inFlight ?? []).filter((m) => m.state === "committed");
  const afterCommitted = computeUnitLoads(input.computed.input, committed);
  let alerts = 0;
  let sent = 0;
  for (const group of groups) {
    const loads = plan.units.filter((u) => unitById.get(u.unit)?.agencyId === group.agencyId);
    const mine = input.created.filter((c) => c.move.toUnit.agencyId === group.agencyId);
    const kept = input.kept.filter((k) => k.agencyId === group.agencyId);
    const withdrawn = input.withdrawn.filter((w) => w.agencyId === group.agencyId);
    const unmetBefore = loads.reduce((a, u) => a + u.roles.reduce((b, r) => b + r.unmetBefore, 0), 0);
    if (mine.length + kept.length + withdrawn.length === 0 && unmetBefore <= 0) continue;
    const ours = (unit: string) => unitById.get(unit)?.agencyId === group.agencyId;
    // Unchanged: the alert answers the digest where the proposals still wait, so the team finds it.
    const unchanged = mine.length === 0 && withdrawn.length === 0 && kept.length > 0;
    const waitingIn = unchanged ? await latestDigest(tx, group.agencyId, kept) : null;
    // Once a month, the first alert says what only hiring fills and who retires within a year.
    const formasi = (await monthlyNoteDue(tx, group.agencyId, input))
      ? formasiNote(input, group.agencyId)
      : undefined;
    const openRequests = await listOpenRequests(tx, { agencyId: group.agencyId });
    const text = balancingAlertText(input.locale, {
      agency: group.agency.name,
      proposals: mine.length,
      kept: kept.length,
      withdrawn: withdrawn.length,
      unchangedIn: unchanged ? [...new Set(kept.flatMap((k) => k.runId ?? []))].sort((a, b) => a - b) : null,
      committed: committed.filter((m) => ours(m.to)).length,
      committedLoads: afterCommitted.filter((u) => ours(u.unit)),
      loads,
      unitById,
      roleByCode,
      shortfalls: plan.shortfalls?.filter((s) => unitById.get(s.unit)?.agencyId === group.agencyId),
      maxDistanceKm: input.computed.input.policy.maxDistanceKm,
      rolesToReview,
      ...(formasi ? { formasi } : {}),
      requests: {
        policy: group.agency.privateSchools,
        open: openRequests.map((r) => ({
          unit: r.unit.name,
          role: district.roles.find((role) => role.id === r.roleId)?.name ?? "",
          hours: r.hours,
        })),
      },
      certifiedUnderStandard: certifiedUnderStandard(input.computed.district).filter(
        (c) => c.agencyId === group.agencyId,
      ).length,
    });
    await enqueueMessage(tx, {
      dedupeKey: `run:${input.runId}:alert:${group.agencyId}`,
      chatId: group.chatId,
      method: "sendMessage",
      payload: {
        text,
        ...(waitingIn === null
          ? {}
          : { reply_parameters: { message_id: waitingIn, allow_sending_without_reply: true } }),
      },
      priority: PRIORITY.bulk,
      kind: "balancing-alert",
      refId: input.runId,
    });
    const chart = input.charts.get(group.agencyId);
    if (chart) {
      await enqueueMessage(tx, {
        dedupeKey: `run:${input.runId}:chart:${group.agencyId}`,
        chatId: group.chatId,
        method: "sendPhoto",
        payload: {
          photo: { base64: chart.toString("base64"), filename: `beban-${input.runId}.png` },
          caption: translate(input.locale, "check.chart.caption", { agency: group.agency.name }),
        },
        priority: PRIORITY.bulk,
        kind: "balancing-chart",
        refId: input.runId,
      });
    }
    alerts += 1;
    if (mine.length > 0) {
      await queueDigest(tx, { ...input, agencyId: group.agencyId, chatId: group.chatId });
      sent += mine.length;
    }
  }
  const grouped = new Set(groups.map((g) => g.agencyId));
  const orphans = input.created.filter((c) => !grouped.has(c.move.toUnit.agencyId));
  if (orphans.length > 0) await reportToAdmins(tx, input, orphans);
  return { alerts, sent, waiting: orphans.length };
}

/** The month (in the schedule's zone) the agency last heard the formasi note; set with the alert. */
const monthlyNoteKey = (agencyId: number) => `formasi.monthlyNote.${agencyId}`;

/** True, and recorded in the alert's transaction, when this agency has not had the note this month. */
async function monthlyNoteDue(tx: DbTx, agencyId: number, input: PostBalancingPlanInput): Promise<boolean> {
  const month = periodOf(input.startedAt, input.timeZone);
  if ((await getSetting<string>(tx, monthlyNoteKey(agencyId))) === month) return false;
  await putSetting(tx, monthlyNoteKey(agencyId), month);
  return true;
}

/** The needs only hiring fills (per role) and the retirements of the coming 12 months (per unit). */
function formasiNote(input: PostBalancingPlanInput, agencyId: number) {
  const { district, plan } = input.computed;
  const units = new Map(district.units.map((u) => [u.id, u]));
  const ours = new Set(district.units.filter((u) => u.agencyId === agencyId).map((u) => u.code));
  const roles = new Map(district.roles.map((r) => [r.id, r]));
  const standard = new Map(district.roles.map((r) => [r.code, r.standardHours]));
  // A private school's need is met by redistribution, not by the district's own posts (issue 29).
  const privateCodes = new Set(district.units.filter(isPrivateSchool).map((u) => u.code));
  const hiring = hiringNeeds(
    (plan.shortfalls ?? []).filter((s) => ours.has(s.unit) && !privateCodes.has(s.unit)),
    (role) => standard.get(role) ?? 0,
  );
  const horizon = new Date(input.startedAt);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + 1);
  const byUnit = new Map<string, Map<string, number>>();
  for (const e of district.employees) {
    const unit = units.get(e.unitId);
    const role = roles.get(e.roleId);
    if (!unit || !role || !ours.has(unit.code) || e.status === "NONAKTIF") continue;
    if (e.eligibility.retirementDate >= horizon) continue;
    const counts = byUnit.get(unit.code) ?? new Map<string, number>();
    counts.set(role.code, (counts.get(role.code) ?? 0) + 1);
    byUnit.set(unit.code, counts);
  }
  const retirements = [...byUnit]
    .map(([unit, counts]) => ({
      unit,
      people: [...counts.values()].reduce((a, b) => a + b, 0),
      roles: [...counts].map(([role, people]) => ({ role, people })),
    }))
    .sort((a, b) => b.people - a.people || a.unit.localeCompare(b.unit));
  return { hiring, retirements };
}

/** The message of the newest digest that shows one of these kept proposals, if it was sent. */
async function latestDigest(tx: DbTx, agencyId: number, kept: KeptProposal[]): Promise<number | null> {
  const digest = await tx.proposalDigest.findFirst({
    where: { agencyId, runId: { in: kept.flatMap((k) => k.runId ?? []) }, messageId: { not: null } },
    orderBy: { runId: "desc" },
  });
  return digest?.messageId ?? null;
}

/** The digest row (so its message can be found again) and its first page, queued in one go. */
async function queueDigest(
  tx: DbTx,
  input: PostBalancingPlanInput & CheckOutcome & { agencyId: number; chatId: bigint },
): Promise<void> {
  const row = await tx.proposalDigest.create({
    data: { runId: input.runId, agencyId: input.agencyId, chatId: input.chatId },
  });
  const digest = await loadDigest(tx, row.id);
  if (!digest) return;
  const view = renderDigest(digest, 1, input.locale, input.timeZone);
  await enqueueMessage(tx, {
    dedupeKey: `run:${input.runId}:digest:${input.agencyId}`,
    chatId: input.chatId,
    method: "sendMessage",
    payload: {
      text: view.text,
      reply_markup: view.reply_markup as unknown as Prisma.InputJsonValue,
    },
    priority: PRIORITY.bulk,
    kind: "proposal-digest",
    refId: row.id,
  });
}

/** One notice per admin listing, per agency without an HR group, the proposals nobody was shown. */
async function reportToAdmins(tx: DbTx, input: PostBalancingPlanInput & { runId: number }, orphans: Created) {
  const admins: AdminConfig = input.admins ?? { ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: input.locale };
  const byAgency = new Map<number, Created>();
  for (const o of orphans)
    byAgency.set(o.move.toUnit.agencyId, [...(byAgency.get(o.move.toUnit.agencyId) ?? []), o]);
  const agencies = await tx.agency.findMany({
    where: { id: { in: [...byAgency.keys()] } },
    orderBy: { id: "asc" },
  });
  const text = (locale: Locale) =>
    agencies
      .map((agency) => {
        const list = byAgency.get(agency.id) ?? [];
        const items = list.slice(0, NO_GROUP_SHOWN).map(({ id, move }) =>
          translate(locale, "check.admin.no_group_item", {
            id: String(id),
            name: move.employee.name,
            from: move.fromUnit.name,
            to: move.toUnit.name,
          }),
        );
        if (list.length > NO_GROUP_SHOWN)
          items.push(translate(locale, "check.admin.no_group_more", { count: list.length - NO_GROUP_SHOWN }));
        return translate(locale, "check.admin.no_group", {
          run: String(input.runId),
          count: list.length,
          agency: agency.name,
          code: agency.code,
          items: new Html(items.join("\n")),
        });
      })
      .join("\n\n");
  for (const [adminId, locale] of await adminRecipients(tx, admins)) {
    await enqueueMessage(tx, {
      dedupeKey: `run:${input.runId}:no-group:${adminId}`,
      chatId: adminId,
      method: "sendMessage",
      payload: { text: text(locale) },
      priority: PRIORITY.notice,
      kind: "admin-notice",
      refId: input.runId,
    });
  }
}
