import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { BLACKOUTS_SETTING, getBlackouts, putSetting } from "../../db/settings.ts";
import type { Blackout } from "../../domain/blackout.ts";
import { DomainError } from "../../domain/errors.ts";
import { readDayMonthYear } from "../../domain/time.ts";

/** Who changes the freeze periods: an admin in chat, or "cli". */
export interface PolicyActor {
  userId: number | null;
  name: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

function day(text: string): string {
  const read = readDayMonthYear(text);
  if (!read.ok) throw new DomainError("blackout_date_invalid", { text });
  return iso(read.date);
}

async function store(db: DbTx, blackouts: Blackout[]): Promise<Blackout[]> {
  const sorted = [...blackouts].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  await putSetting(db, BLACKOUTS_SETTING, sorted);
  return sorted;
}

async function audit(db: DbTx, actor: PolicyActor, action: string, details: Prisma.InputJsonObject) {
  await writeAudit(db, {
    actorId: actor.userId,
    actorName: actor.name,
    action,
    entity: "setting",
    entityId: BLACKOUTS_SETTING,
    details,
  });
}

/** The periods in order, numbered from 1 as `list` shows them. */
export const listBlackouts = (db: DbTx): Promise<Blackout[]> => getBlackouts(db);

function at(blackouts: Blackout[], n: number): Blackout {
  const found = Number.isInteger(n) && n >= 1 ? blackouts[n - 1] : undefined;
  if (!found) throw new DomainError("blackout_unknown", { n, count: blackouts.length });
  return found;
}

/** A new election freeze period (UU 10/2016 Pasal 71(2)), dd-mm-yyyy to dd-mm-yyyy inclusive. */
export async function addBlackout(
  db: DbTx,
  input: { actor: PolicyActor; from: string; to: string; reason: string },
): Promise<{ blackout: Blackout; blackouts: Blackout[] }> {
  const from = day(input.from);
  const to = day(input.to);
  if (to < from) throw new DomainError("blackout_order", { from: input.from, to: input.to });
  const reason = z.string().trim().min(1).max(200).safeParse(input.reason);
  if (!reason.success) throw new DomainError("blackout_reason_invalid");
  const blackout: Blackout = { from, to, reason: reason.data };
  const blackouts = await store(db, [...(await getBlackouts(db)), blackout]);
  await audit(db, input.actor, "policy.blackout.add", blackout);
  return { blackout, blackouts };
}

/** Removes the n-th period as listed. */
export async function removeBlackout(
  db: DbTx,
  input: { actor: PolicyActor; n: number },
): Promise<{ removed: Blackout; blackouts: Blackout[] }> {
  const current = await getBlackouts(db);
  const removed = at(current, input.n);
  const blackouts = await store(
    db,
    current.filter((b) => b !== removed),
  );
  await audit(db, input.actor, "policy.blackout.remove", removed);
  return { removed, blackouts };
}

/** Records the Minister's written approval (number and date) for the n-th period: approvals resume. */
export async function approveBlackout(
  db: DbTx,
  input: { actor: PolicyActor; n: number; nomor: string; tanggal: string },
): Promise<{ blackout: Blackout; blackouts: Blackout[] }> {
  const current = await getBlackouts(db);
  const target = at(current, input.n);
  const nomor = z.string().trim().min(1).max(100).safeParse(input.nomor);
  if (!nomor.success) throw new DomainError("blackout_nomor_invalid");
  const blackout: Blackout = { ...target, approval: { nomor: nomor.data, tanggal: day(input.tanggal) } };
  const blackouts = await store(
    db,
    current.map((b) => (b === target ? blackout : b)),
  );
  await audit(db, input.actor, "policy.blackout.approve", { ...blackout, before: target.approval ?? null });
  return { blackout, blackouts };
}
