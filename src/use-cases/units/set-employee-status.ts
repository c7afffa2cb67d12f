import { z } from "zod";
import { writeAudit } from "../../db/audit.ts";
import type { DbTx } from "../../db/client.ts";
import { parseStatusWord, readStatusUntil, type SettableStatus } from "../../domain/employee-status.ts";
import { DomainError } from "../../domain/errors.ts";
import { normalizeNip } from "../../domain/nip.ts";
import { formatDate, localDate } from "../../domain/time.ts";
import type { EmployeeStatus } from "../../generated/prisma/client.ts";

const inputSchema = z.object({
  /** Who asks: a unit head may change only their own unit's people; unitId null is an admin. */
  actor: z.object({
    userId: z.number().int().positive().nullable(),
    name: z.string().min(1),
    unitId: z.number().int().positive().nullable(),
  }),
  nip: z.string(),
  status: z.string(),
  until: z.string().optional(),
  now: z.date(),
  timeZone: z.string(),
});

export type SetEmployeeStatusInput = z.input<typeof inputSchema>;

export interface EmployeeStatusChange {
  name: string;
  nip: string;
  unitName: string;
  before: EmployeeStatus;
  status: SettableStatus;
  until: Date | null;
  /** False when the person already had this status and end date: nothing was written. */
  changed: boolean;
}

/**
 * Puts a person on cuti or tugas belajar until a date, or back to aktif. While it lasts they do not
 * count as capacity (read-district counts AKTIF only); the daily job makes them aktif again after
 * the end date. Every bad input is a DomainError naming what is wrong, and nothing is written.
 */
export async function setEmployeeStatus(
  db: DbTx,
  raw: SetEmployeeStatusInput,
): Promise<EmployeeStatusChange> {
  const input = inputSchema.parse(raw);
  const nip = normalizeNip(input.nip);
  if (!/^\d{18}$/.test(nip)) throw new DomainError("leave_nip_invalid", { nip: input.nip });
  const status = parseStatusWord(input.status);
  if (!status) throw new DomainError("leave_status_invalid", { status: input.status });
  const today = localDate(input.now, input.timeZone);
  const read = readStatusUntil(status, input.until, today);
  if (!read.ok)
    throw new DomainError(`leave_until_${read.problem}`, {
      text: input.until ?? "",
      max: 6,
      today: formatDate(today, "UTC"),
    });

  const employee = await db.employee.findUnique({ where: { nip }, include: { unit: true } });
  if (!employee) throw new DomainError("leave_nip_unknown", { nip });
  if (input.actor.unitId !== null && employee.unitId !== input.actor.unitId)
    throw new DomainError("leave_other_unit", { nip });
  if (employee.status === "PENSIUN" || employee.status === "NONAKTIF")
    throw new DomainError(`leave_locked_${employee.status}`, { name: employee.name });

  const result: EmployeeStatusChange = {
    name: employee.name,
    nip,
    unitName: employee.unit.name,
    before: employee.status,
    status,
    until: read.until,
    changed: false,
  };
  if (employee.status === status && employee.statusUntil?.getTime() === read.until?.getTime()) return result;
  // Guarded by what was read: the daily job or another press changing it meanwhile wins.
  const { count } = await db.employee.updateMany({
    where: { id: employee.id, status: employee.status, statusUntil: employee.statusUntil },
    data: { status, statusUntil: read.until },
  });
  if (count === 0) throw new DomainError("already_handled");
  await writeAudit(db, {
    actorId: input.actor.userId,
    actorName: input.actor.name,
    action: "employee.status",
    entity: "employee",
    entityId: nip,
    details: {
      before: employee.status,
      beforeUntil: employee.statusUntil?.toISOString().slice(0, 10) ?? null,
      status,
      until: read.until?.toISOString().slice(0, 10) ?? null,
      unit: employee.unit.code,
    },
  });
  return { ...result, changed: true };
}
