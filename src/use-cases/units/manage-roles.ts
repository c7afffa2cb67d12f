import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { DomainError } from "../../domain/errors.ts";
import { defaultQualification } from "../../domain/formasi.ts";
import { roleRetirementAge } from "../../domain/retirement-age.ts";

/** A role as admins read it: standard hours and unit, BUP, teacher flag, review flag, what it may fill. */
export interface RoleView {
  code: string;
  name: string;
  isTeacher: boolean;
  standardHours: number;
  hoursUnit: "JP" | "JAM";
  /** The admin's BUP when set, else the regulation's for the role (a person's jenjang may raise it). */
  retirementAge: number;
  /** "set": an admin's BUP, overriding the regulation; "rule": PP 11/2017 Pasal 239 per person. */
  retirementAgeSource: "set" | "rule";
  hoursPerRombel: number | null;
  /** Kualifikasi pendidikan for the formasi sheet: the admin's, else derived from the role (null: none). */
  qualification: string | null;
  qualificationSource: "set" | "rule";
  needsReview: boolean;
  dapodik: string[];
  fills: Array<{ code: string; note: string | null }>;
}

export async function listRoles(db: DbTx): Promise<RoleView[]> {
  const roles = await db.role.findMany({
    orderBy: { code: "asc" },
    include: {
      dapodikLabels: { orderBy: { key: "asc" } },
      compatibleTo: { include: { toRole: { select: { code: true } } } },
    },
  });
  return roles.map((r) => ({
    code: r.code,
    name: r.name,
    isTeacher: r.isTeacher,
    standardHours: r.standardHours,
    hoursUnit: r.hoursUnit,
    retirementAge: r.retirementAgeSet ? r.retirementAge : roleRetirementAge(r),
    retirementAgeSource: r.retirementAgeSet ? ("set" as const) : ("rule" as const),
    hoursPerRombel: r.hoursPerRombel,
    qualification: r.qualification ?? defaultQualification(r),
    qualificationSource: r.qualification === null ? ("rule" as const) : ("set" as const),
    needsReview: r.needsReview,
    dapodik: r.dapodikLabels.map((l) => l.label),
    fills: r.compatibleTo
      .map((c) => ({ code: c.toRole.code, note: c.note }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  }));
}

export interface RoleChange {
  isTeacher?: boolean;
  standardHours?: number;
  hoursUnit?: "JP" | "JAM";
  /** An admin's BUP, or "rule": back to PP 11/2017 Pasal 239 per person (the admin's BUP dropped). */
  retirementAge?: number | "rule";
  hoursPerRombel?: number;
  /** Kualifikasi pendidikan, or null: back to the one derived from the role (docs/formasi.md). */
  qualification?: string | null;
}

interface Actor {
  id?: number | null;
  name: string;
}

/**
 * Changes a role; setting it at all counts as the admin's review (perlu ditinjau is cleared). A
 * BUP given here overrides the regulation for everyone in the role; "rule" gives the role back to
 * the regulation (each person's BUP from their jenjang again).
 */
export async function setRole(db: DbTx, code: string, change: RoleChange, actor: Actor): Promise<RoleView> {
  const role = await db.role.findUnique({ where: { code } });
  if (!role) throw new DomainError("role_unknown", { code });
  const { retirementAge: bup, ...rest } = change;
  const bupSet =
    bup === undefined
      ? {}
      : bup === "rule"
        ? {
            retirementAge: roleRetirementAge({ ...role, isTeacher: change.isTeacher ?? role.isTeacher }),
            retirementAgeSet: false,
          }
        : { retirementAge: bup, retirementAgeSet: true };
  await db.role.update({ where: { id: role.id }, data: { ...rest, ...bupSet, needsReview: false } });
  await writeAudit(db, {
    actorId: actor.id ?? null,
    actorName: actor.name,
    action: "role.update",
    entity: "role",
    entityId: code,
    details: {
      ...change,
      ...(bup === undefined ? {} : { retirementAgeSet: bup !== "rule" }),
      needsReview: false,
      before: { ...role, createdAt: role.createdAt.toISOString() },
    },
  });
  const view = (await listRoles(db)).find((r) => r.code === code);
  return view!;
}

async function pairIds(db: DbTx, from: string, to: string) {
  if (from === to) throw new DomainError("compat_self", { code: from });
  const roles = await db.role.findMany({
    where: { code: { in: [from, to] } },
    select: { id: true, code: true },
  });
  const id = (code: string) => {
    const found = roles.find((r) => r.code === code);
    if (!found) throw new DomainError("role_unknown", { code });
    return found.id;
  };
  return { fromRoleId: id(from), toRoleId: id(to) };
}

/** Role `from` may fill role `to`; adding a pair that exists changes only its note. */
export async function addCompatibility(
  db: DbTx,
  pair: { from: string; to: string; note?: string | null },
  actor: Actor,
): Promise<"created" | "updated" | "unchanged"> {
  const ids = await pairIds(db, pair.from, pair.to);
  const existing = await db.roleCompatibility.findUnique({ where: { fromRoleId_toRoleId: ids } });
  const note = pair.note ?? existing?.note ?? null;
  if (existing && existing.note === note) return "unchanged";
  await db.roleCompatibility.upsert({
    where: { fromRoleId_toRoleId: ids },
    create: { ...ids, note },
    update: { note },
  });
  await writeAudit(db, {
    actorId: actor.id ?? null,
    actorName: actor.name,
    action: existing ? "compat.update" : "compat.create",
    entity: "compatibility",
    entityId: `${pair.from}>${pair.to}`,
    details: { note },
  });
  return existing ? "updated" : "created";
}

export async function removeCompatibility(
  db: DbTx,
  pair: { from: string; to: string },
  actor: Actor,
): Promise<boolean> {
  const ids = await pairIds(db, pair.from, pair.to);
  const { count } = await db.roleCompatibility.deleteMany({ where: ids });
  if (count === 0) return false;
  await writeAudit(db, {
    actorId: actor.id ?? null,
    actorName: actor.name,
    action: "compat.delete",
    entity: "compatibility",
    entityId: `${pair.from}>${pair.to}`,
  });
  return true;
}

/** Codes of the roles an employee import created with guessed defaults (perlu ditinjau), for status views. */
export async function listRolesNeedingReview(db: DbTx): Promise<string[]> {
  const roles = await db.role.findMany({
    where: { needsReview: true },
    select: { code: true },
    orderBy: { code: "asc" },
  });
  return roles.map((r) => r.code);
}
