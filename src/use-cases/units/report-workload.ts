import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { STAFF_MAX_WEEKLY_HOURS } from "../../domain/staff-hours.ts";
import { writeAudit } from "../../db/audit.ts";
import { allowedRoleIds, listUnitRoles } from "./list-unit-roles.ts";
import { loadUnitHead } from "../../db/unit-head.ts";

export const WORKLOAD_MAX_HOURS = 2000;
export const ROMBEL_MAX = 100;

const inputSchema = z.object({
  userId: z.number().int().positive(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  roles: z
    .array(
      z.object({
        roleId: z.number().int().positive(),
        hoursNeeded: z.number().min(0).max(WORKLOAD_MAX_HOURS),
        rombel: z.number().int().min(1).max(ROMBEL_MAX).nullable(),
      }),
    )
    .min(1),
  staffHours: z.array(
    z.object({
      employeeId: z.number().int().positive(),
      hours: z.number().min(0).max(STAFF_MAX_WEEKLY_HOURS),
    }),
  ),
});

export type ReportWorkloadInput = z.input<typeof inputSchema>;

/**
 * A head's workload report for one period: one row per unit, role and period (a second report in
 * the same month replaces the first), and the actual weekly hours of the staff they listed.
 */
export async function reportWorkload(
  db: DbTx,
  raw: ReportWorkloadInput,
): Promise<{ roles: number; staff: number }> {
  const input = inputSchema.parse(raw);
  const head = await loadUnitHead(db, input.userId);
  const allowed = allowedRoleIds(await listUnitRoles(db, { userId: input.userId }));
  for (const role of input.roles) if (!allowed.has(role.roleId)) throw new DomainError("role_not_in_unit");

  for (const role of input.roles) {
    const report = await db.workloadReport.upsert({
      where: { unitId_roleId_period: { unitId: head.unit.id, roleId: role.roleId, period: input.period } },
      create: {
        unitId: head.unit.id,
        roleId: role.roleId,
        period: input.period,
        hoursNeeded: role.hoursNeeded,
        rombel: role.rombel,
        reporterId: head.id,
      },
      update: { hoursNeeded: role.hoursNeeded, rombel: role.rombel, reporterId: head.id },
    });
    await writeAudit(db, {
      actorId: head.id,
      actorName: head.name,
      action: "workload.report",
      entity: "workload_report",
      entityId: report.id,
      details: {
        unit: head.unit.code,
        roleId: role.roleId,
        period: input.period,
        hoursNeeded: role.hoursNeeded,
        rombel: role.rombel,
      },
    });
  }
  for (const entry of input.staffHours) {
    // The unit is in the where clause: a head cannot touch another unit's staff.
    const { count } = await db.employee.updateMany({
      where: { id: entry.employeeId, unitId: head.unit.id },
      data: { weeklyHours: entry.hours },
    });
    if (count === 0) throw new DomainError("employee_not_in_unit");
    await writeAudit(db, {
      actorId: head.id,
      actorName: head.name,
      action: "employee.hours",
      entity: "employee",
      entityId: entry.employeeId,
      details: { weeklyHours: entry.hours, period: input.period },
    });
  }
  return { roles: input.roles.length, staff: input.staffHours.length };
}
