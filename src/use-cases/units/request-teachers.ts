import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { DomainError } from "../../domain/errors.ts";
import { isPrivateSchool } from "../../domain/redistribution.ts";
import type { TeacherRequest } from "../../generated/prisma/client.ts";
import type { TeacherRequestNotice } from "../../messages/teacher-request-text.ts";

/** Weekly JP one request may ask for: twenty full teachers. */
export const REQUEST_MAX_HOURS = 480;
export const REQUEST_REASON_MAX = 300;

export type { TeacherRequestNotice } from "../../messages/teacher-request-text.ts";

const inputSchema = z.object({
  unitId: z.number().int().positive(),
  roleId: z.number().int().positive(),
  hours: z.number().positive().max(REQUEST_MAX_HOURS),
  since: z.date(),
  reason: z.string().trim().min(1).max(REQUEST_REASON_MAX),
  permitNumber: z.string().trim().min(1).max(100).nullable(),
  npsn: z.string().trim().min(1).max(20).nullable(),
  initiative: z.boolean(),
});

/**
 * A private school asks for ASN teachers (Permendikdasmen 1/2025: at a school's request or on the
 * district's own initiative): which role, how many JP a week, since when and why, with its NPSN and
 * operating permit. Only a school Dapodik lists as Swasta, and only a teaching role. Audited; the
 * agency's HR group (the Tim Pertimbangan) is told through the outbox in the same transaction; with
 * the agency's `privateSchools` policy on-request or on, the next check plans for it.
 */
export async function requestTeachers(
  db: DbTx,
  raw: z.input<typeof inputSchema> & {
    actor: { userId: number | null; name: string };
    formatNotice: (notice: TeacherRequestNotice) => string;
  },
): Promise<{ request: TeacherRequest; notified: boolean }> {
  const input = inputSchema.parse(raw);
  const [unit, role] = await Promise.all([
    db.unit.findUnique({ where: { id: input.unitId } }),
    db.role.findUnique({ where: { id: input.roleId } }),
  ]);
  if (!unit) throw new DomainError("unit_unknown", { code: String(input.unitId) });
  if (!isPrivateSchool(unit)) throw new DomainError("request_not_private", { unit: unit.name });
  if (!role?.isTeacher) throw new DomainError("request_not_teacher");
  const request = await db.teacherRequest.create({
    data: {
      unitId: unit.id,
      roleId: role.id,
      hours: input.hours,
      since: input.since,
      reason: input.reason,
      npsn: input.npsn ?? unit.npsn,
      permitNumber: input.permitNumber,
      initiative: input.initiative,
      requesterId: raw.actor.userId,
    },
  });
  await writeAudit(db, {
    actorId: raw.actor.userId,
    actorName: raw.actor.name,
    action: "request.create",
    entity: "teacher_request",
    entityId: request.id,
    details: { unit: unit.code, role: role.code, hours: input.hours, initiative: input.initiative },
  });
  const group = await db.hrGroup.findFirst({ where: { agencyId: unit.agencyId, active: true } });
  const notified =
    group !== null &&
    (await enqueueMessage(db, {
      dedupeKey: `teacher-request:${request.id}`,
      chatId: group.chatId,
      method: "sendMessage",
      payload: {
        chat_id: Number(group.chatId),
        text: raw.formatNotice({
          id: request.id,
          unitName: unit.name,
          npsn: request.npsn,
          permitNumber: request.permitNumber,
          roleName: role.name,
          hours: request.hours,
          since: request.since,
          reason: request.reason,
          by: raw.actor.name,
          initiative: request.initiative,
        }),
      },
      priority: PRIORITY.notice,
      kind: "teacher-request",
      refId: request.id,
    }));
  return { request, notified };
}

/** Open requests, oldest first, with their school and role: for the CLI, the alert and the status. */
export function listOpenRequests(db: DbTx, options: { agencyId?: number } = {}) {
  return db.teacherRequest.findMany({
    where: { status: "OPEN", ...(options.agencyId ? { unit: { agencyId: options.agencyId } } : {}) },
    include: { unit: true },
    orderBy: [{ since: "asc" }, { id: "asc" }],
  });
}

/** An admin closes a request: filled, or withdrawn. Audited. */
export async function closeRequest(
  db: DbTx,
  input: {
    id: number;
    status: "FILLED" | "CANCELLED";
    now: Date;
    actor: { userId: number | null; name: string };
  },
): Promise<TeacherRequest> {
  const request = await db.teacherRequest.findUnique({ where: { id: input.id } });
  if (!request) throw new DomainError("request_unknown", { id: input.id });
  if (request.status !== "OPEN") throw new DomainError("request_closed", { id: input.id });
  const closed = await db.teacherRequest.update({
    where: { id: request.id },
    data: { status: input.status, closedAt: input.now },
  });
  await writeAudit(db, {
    actorId: input.actor.userId,
    actorName: input.actor.name,
    action: "request.close",
    entity: "teacher_request",
    entityId: request.id,
    details: { status: input.status },
  });
  return closed;
}

/**
 * What a private school's head may ask for: their school (a Swasta school in Dapodik, else refused)
 * and the teaching roles of the district.
 */
export async function teacherRequestChoices(db: DbTx, input: { userId: number }) {
  const head = await db.user.findUnique({ where: { id: input.userId }, include: { unit: true } });
  const unit = head?.unit;
  if (!head || head.role !== "UNIT_HEAD" || !unit) throw new DomainError("unit_head_only");
  if (!isPrivateSchool(unit)) throw new DomainError("request_not_private", { unit: unit.name });
  const roles = await db.role.findMany({ where: { isTeacher: true }, orderBy: { name: "asc" } });
  return { unit, roles: roles.map((r) => ({ id: r.id, name: r.name })) };
}
