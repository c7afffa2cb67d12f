import type { DbTx } from "./client.ts";
import { writeAudit } from "./audit.ts";
import type { CompatWrite, RoleWrite, StoredReference } from "../import/reference-diff.ts";

/** Who imports, from which file: for the audit trail of every role and pair written. */
export interface ReferenceSource {
  source: string;
  actor: { id?: number | null; name: string };
}

/** The roles, labels and pairs a reference sheet is compared with. */
export async function readReferenceState(db: DbTx): Promise<StoredReference> {
  const [roles, labels, pairs] = await Promise.all([
    db.role.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        isTeacher: true,
        standardHours: true,
        hoursUnit: true,
        retirementAge: true,
        retirementAgeSet: true,
        hoursPerRombel: true,
        qualification: true,
        needsReview: true,
      },
    }),
    db.roleDapodikLabel.findMany({ select: { key: true, label: true, roleId: true } }),
    db.roleCompatibility.findMany({ select: { fromRoleId: true, toRoleId: true, note: true } }),
  ]);
  return { roles, labels, pairs };
}

/** Writes what the diff found, each role and pair audited. */
export async function writeReference(
  db: DbTx,
  { roleWrites, compatWrites }: { roleWrites: RoleWrite[]; compatWrites: CompatWrite[] },
  options: ReferenceSource,
): Promise<void> {
  await writeRoles(db, roleWrites, options);
  const idByCode = new Map(
    (await db.role.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]),
  );
  for (const write of compatWrites) {
    const fromRoleId = idByCode.get(write.from)!;
    const toRoleId = idByCode.get(write.to)!;
    await db.roleCompatibility.upsert({
      where: { fromRoleId_toRoleId: { fromRoleId, toRoleId } },
      create: { fromRoleId, toRoleId, note: write.note },
      update: { note: write.note },
    });
    await writeAudit(db, {
      actorId: options.actor.id ?? null,
      actorName: options.actor.name,
      action: write.exists ? "compat.update" : "compat.create",
      entity: "compatibility",
      entityId: `${write.from}>${write.to}`,
      details: { source: options.source, note: write.note },
    });
  }
}

async function writeRoles(db: DbTx, writes: RoleWrite[], options: ReferenceSource): Promise<void> {
  // Labels go first so that one may move from one role to another within the same sheet.
  const relabelled = writes.filter((w) => w.target.labels && (!w.stored || w.fields.includes("dapodik")));
  const storedIds = relabelled.flatMap((w) => (w.stored ? [w.stored.id] : []));
  if (storedIds.length > 0) await db.roleDapodikLabel.deleteMany({ where: { roleId: { in: storedIds } } });
  const labelRows: Array<{ key: string; label: string; roleId: number }> = [];
  for (const write of writes) {
    const { target, stored, fields } = write;
    const data = {
      name: target.name,
      isTeacher: target.isTeacher,
      standardHours: target.standardHours,
      hoursUnit: target.hoursUnit,
      retirementAge: target.retirementAge,
      retirementAgeSet: target.retirementAgeSet,
      hoursPerRombel: target.hoursPerRombel,
      qualification: target.qualification,
      needsReview: false,
    };
    const role = stored
      ? await db.role.update({ where: { id: stored.id }, data })
      : await db.role.create({ data: { code: target.code, ...data } });
    if (relabelled.includes(write))
      for (const [key, label] of target.labels ?? []) labelRows.push({ key, label, roleId: role.id });
    await writeAudit(db, {
      actorId: options.actor.id ?? null,
      actorName: options.actor.name,
      action: stored ? "role.update" : "role.create",
      entity: "role",
      entityId: target.code,
      details: { source: options.source, fields, ...data, dapodik: [...(target.labels?.values() ?? [])] },
    });
  }
  if (labelRows.length > 0) await db.roleDapodikLabel.createMany({ data: labelRows });
}
