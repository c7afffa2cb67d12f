import {
  getDistrictStatus,
  type DistrictStatus,
  type DistrictUnitStatus,
} from "../../use-cases/status/index.ts";
import { listRolesNeedingReview } from "../../use-cases/units/index.ts";
import { formatHoursSplit, formatLoad } from "../../messages/format.ts";
import { sumHoursTotals, type Hours, type HoursTotals } from "../../domain/hours.ts";
import { isPrivateSchool } from "../../domain/redistribution.ts";
import { usageError, type CliCommand } from "../types.ts";

/**
 * A load as the bot writes it, in English: "very short of staff (load 232%)", "no staff yet" where nobody does the
 * work. The ABK band letter is for exports: `status --json` keeps it.
 */
const loadText = (load: { demand: number; capacity: number }) =>
  formatLoad("en", load.demand, load.capacity, false);

/** "demand 8112 JP + 1810.5 jam, capacity …, unmet …": JP and jam never in one figure (issue 25). */
function hoursLine(hours: HoursTotals): string {
  const split = (h: Hours) => formatHoursSplit("en", h);
  return `demand ${split(hours.demand)}, capacity ${split(hours.capacity)}, unmet ${split(hours.unmet)}`;
}

/** A user's role as the operator reads it, not the database's enum. */
const ROLE_WORDS: Record<string, string> = {
  NONE: "registered without a role",
  UNIT_HEAD: "unit heads",
  HR_APPROVER: "HR approvers",
  ADMIN: "admins",
  EMPLOYEE: "employees",
};

function renderText(status: DistrictStatus): string {
  const lines = [
    `Period ${status.period} — ${status.totals.units} units, ${status.totals.staff} staff, a week: ${hoursLine(status.totals.hours)}`,
    "",
  ];
  for (const kecamatan of status.kecamatan) {
    const title =
      kecamatan.code === null && kecamatan.name === null
        ? "Kecamatan unknown"
        : `Kecamatan ${kecamatan.name ?? kecamatan.code}${kecamatan.name && kecamatan.code ? ` (${kecamatan.code})` : ""}`;
    lines.push(`${title}: ${kecamatan.units} units, ${hoursLine(kecamatan.hours)}, ${loadText(kecamatan)}`);
    const codes = new Set(kecamatan.unitCodes);
    for (const unit of status.units.filter((u) => codes.has(u.code))) lines.push(...unitLines(unit));
    lines.push("");
  }
  // Private schools apart (issue 29): ASN teachers reach them only by redistribution.
  const privateUnits = status.units.filter(isPrivateSchool);
  if (privateUnits.length > 0) {
    const state = status.units.filter((u) => !privateUnits.includes(u));
    const sumHours = (units: DistrictUnitStatus[]) => sumHoursTotals(units.map((u) => u.hours));
    lines.push(
      `State units: ${state.length}, a week: ${hoursLine(sumHours(state))}`,
      `Private schools (swasta): ${privateUnits.length}, a week: ${hoursLine(sumHours(privateUnits))}; ASN teachers go there only by redistribution (policy private-schools, request list)`,
      "",
    );
  }
  lines.push(
    `Certified teachers under the standard JP (the professional allowance needs 24 JP): ${status.certifiedUnderStandard.length}`,
  );
  for (const c of status.certifiedUnderStandard)
    lines.push(
      `    ${c.nip} ${c.name} (${c.unitCode} ${c.roleCode}) teaches ${c.hoursTaught} of ${c.standardHours} JP`,
    );
  lines.push(
    "",
    `Agencies (the code invite hr takes): ${status.agencies.map((a) => `${a.code} ${a.name} (${a.units} units)`).join(", ") || "none"}`,
    `Users: ${status.users.map((u) => `${ROLE_WORDS[u.role] ?? u.role} ${u.count}`).join(", ") || "none"}`,
  );
  lines.push(`Open vacancies: ${status.openVacancies.length}`);
  for (const v of status.openVacancies)
    lines.push(`    ${v.unit} ${v.role} ×${v.count} (${v.reason}, since ${v.since})`);
  lines.push(`Pending proposals: ${status.pendingProposals.length}`);
  for (const p of status.pendingProposals)
    lines.push(`    #${p.id} ${p.employee}: ${p.from} → ${p.to} as ${p.role}`);
  const counts = Object.entries(status.proposalCounts);
  lines.push(`Proposals by state: ${counts.map(([state, n]) => `${state} ${n}`).join(", ") || "none"}`);
  for (const p of status.proposals.filter((p) => p.status === "APPROVED" || p.status === "DECREED"))
    lines.push(
      `    #${p.id} ${p.nip} ${p.from} → ${p.to} ${p.status}${p.skNumber ? ` SK ${p.skNumber} of ${p.skDate}, TMT ${p.tmt}` : " awaiting SK"}`,
    );
  lines.push(`Decisions (latest ${Math.min(status.auditTrail.length, 10)} of ${status.auditTrail.length}):`);
  for (const d of status.auditTrail.slice(0, 10)) {
    lines.push(
      `    ${d.at} #${d.proposalId} ${d.verdict} by ${d.by.name}${d.reason ? ` — ${d.reason}` : ""} (${d.outcome})`,
    );
  }
  if (status.deadLetters.length > 0) {
    lines.push(`Undeliverable messages: ${status.deadLetters.length}`);
    for (const m of status.deadLetters)
      lines.push(`    #${m.id} ${m.method} to ${m.chatId}: ${m.error ?? "?"}`);
  }
  return lines.join("\n");
}

function unitLines(unit: DistrictUnitStatus): string[] {
  const honorers = (count: number) => (count > 0 ? ` +${count} honorer` : "");
  return [
    `${unit.code.padEnd(10)} ${`${unit.name}${isPrivateSchool(unit) ? " [swasta]" : ""}`.padEnd(34)} staff ${String(unit.staff).padStart(3)}${honorers(unit.honorers)}  ${loadText(unit)}`,
    ...unit.roles.map(
      (role) =>
        `    ${role.role.padEnd(12)} staff ${String(role.staff).padStart(3)}${honorers(role.honorers)}  demand ${String(role.demand).padStart(6)}  capacity ${String(role.capacity).padStart(6)} ${role.hoursUnit.padEnd(3)}  ${loadText(role)}  (${role.demandSource.replace("_", " ")}${role.hoursTaught === null ? "" : `, taught ${role.hoursTaught}`}${role.certifiedUnderStandard ? `, ${role.certifiedUnderStandard} certified under standard` : ""})`,
    ),
  ];
}

export const statusCommand: CliCommand = {
  usage:
    "status [--json]                         units, load per role (--json: ratio and ABK band), users, vacancies, proposals",
  async run(args, ctx) {
    const json = args.includes("--json");
    if (args.some((a) => a !== "--json")) throw usageError("usage: status [--json]");
    const { prisma } = await ctx.database();
    const status = await getDistrictStatus(prisma, {
      now: ctx.clock.now(),
      timeZone: ctx.config.SCHEDULE_TIMEZONE,
    });
    const review = await listRolesNeedingReview(prisma);
    const reviewLine = `\nRoles needing review: ${review.length}${review.length ? ` (${review.join(", ")}): \`roles set\` or a jabatan sheet` : ""}`;
    ctx.io.out(
      json
        ? JSON.stringify({ ...status, rolesNeedingReview: review }, null, 2)
        : `${renderText(status)}${reviewLine}`,
    );
  },
};
