import { getDistrictStatus, type DistrictStatus } from "../../use-cases/get-district-status.ts";
import { listRolesNeedingReview } from "../../use-cases/manage-roles.ts";
import { formatRatio } from "../../messages/format.ts";
import { usageError, type CliCommand } from "../types.ts";

function renderText(status: DistrictStatus): string {
  const lines = [
    `Period ${status.period} — ${status.totals.units} units, ${status.totals.staff} staff, demand ${status.totals.demand} h/week, capacity ${status.totals.capacity} h/week, unmet ${status.totals.unmet} h/week`,
    "",
  ];
  for (const unit of status.units) {
    lines.push(
      `${unit.code.padEnd(10)} ${unit.name.padEnd(34)} staff ${String(unit.staff).padStart(3)}  load ${formatRatio("en", unit.ratio).padStart(5)} ${unit.band}`,
    );
    for (const role of unit.roles) {
      lines.push(
        `    ${role.role.padEnd(12)} staff ${String(role.staff).padStart(3)}  demand ${String(role.demand).padStart(6)}  capacity ${String(role.capacity).padStart(6)}  load ${formatRatio("en", role.ratio).padStart(5)} ${role.band}`,
      );
    }
  }
  lines.push("", `Users: ${status.users.map((u) => `${u.role} ${u.count}`).join(", ") || "none"}`);
  lines.push(`Open vacancies: ${status.openVacancies.length}`);
  for (const v of status.openVacancies)
    lines.push(`    ${v.unit} ${v.role} ×${v.count} (${v.reason}, since ${v.since})`);
  lines.push(`Pending proposals: ${status.pendingProposals.length}`);
  for (const p of status.pendingProposals)
    lines.push(`    #${p.id} ${p.employee}: ${p.from} → ${p.to} as ${p.role}`);
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

export const statusCommand: CliCommand = {
  usage:
    "status [--json]                         units, load ratio and band per role, users, vacancies, proposals",
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
