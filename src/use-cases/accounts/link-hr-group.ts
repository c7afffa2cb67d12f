import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Agency, HrGroup } from "../../generated/prisma/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { postOpenResponses, type ResponseCards } from "../notices/index.ts";

export const quorumSchema = z.coerce.number().int().min(1).max(10);

export interface LinkInput {
  agencyCode: string;
  chatId: number | bigint;
  title: string | null;
  quorum?: number | undefined;
  actor: { id: number | null; name: string };
  /** How the cards of open responses waiting for a group are written. */
  cards: ResponseCards;
}

/**
 * Makes a group chat the agency's HR group: proposals are posted there and only there may they be
 * decided. An agency has one HR group; linking another chat moves it (cards already posted stay
 * where they are). Open tanggapan and keberatan that no group of the agency could take are posted
 * to it; `responses` counts them.
 */
export async function linkHrGroup(
  db: DbTx,
  input: LinkInput,
): Promise<{ agency: Agency; group: HrGroup; responses: number }> {
  const agency = await db.agency.findUnique({ where: { code: input.agencyCode.trim().toUpperCase() } });
  if (!agency) throw new DomainError("agency_unknown", { code: input.agencyCode });
  // The quorum is the agency's: given here it is set, otherwise the agency keeps its own.
  const quorum = quorumSchema.safeParse(input.quorum ?? agency.quorum);
  if (!quorum.success) throw new DomainError("quorum_invalid");
  const chatId = BigInt(input.chatId);

  const holder = await db.hrGroup.findUnique({ where: { chatId }, include: { agency: true } });
  if (holder && holder.agencyId !== agency.id) {
    throw new DomainError("group_linked_elsewhere", { agency: holder.agency.name });
  }
  const group = await db.hrGroup.upsert({
    where: { agencyId: agency.id },
    create: { agencyId: agency.id, chatId, title: input.title, active: true },
    update: { chatId, title: input.title, active: true },
  });
  const quorumSet = await db.agency.update({ where: { id: agency.id }, data: { quorum: quorum.data } });
  await writeAudit(db, {
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: "hrgroup.link",
    entity: "hrGroup",
    entityId: group.id,
    details: { agency: agency.code, chatId: chatId.toString(), title: input.title, quorum: quorum.data },
  });
  return { agency: quorumSet, group, responses: await postOpenResponses(db, group, input.cards) };
}

/**
 * The bot was removed from (or added back to) a group: proposals are posted only to active groups.
 * Back in, the open responses recorded meanwhile are posted there. Returns the linked group with
 * how many were posted, or null when the chat is not an HR group.
 */
export async function setHrGroupActive(
  db: DbTx,
  input: { chatId: number | bigint; active: boolean; title?: string | undefined; cards: ResponseCards },
): Promise<(HrGroup & { agency: Agency; responses: number }) | null> {
  const chatId = BigInt(input.chatId);
  const { count } = await db.hrGroup.updateMany({
    where: { chatId, active: !input.active },
    data: { active: input.active, ...(input.title ? { title: input.title } : {}) },
  });
  if (count === 0) return null;
  const group = await db.hrGroup.findUnique({ where: { chatId }, include: { agency: true } });
  if (group) {
    await writeAudit(db, {
      action: input.active ? "hrgroup.activate" : "hrgroup.deactivate",
      entity: "hrGroup",
      entityId: group.id,
      details: { chatId: chatId.toString() },
    });
  }
  if (!group) return null;
  return { ...group, responses: input.active ? await postOpenResponses(db, group, input.cards) : 0 };
}

/**
 * A group upgraded to a supergroup gets a new chat id (Telegram sends migrate_to_chat_id in the old
 * chat and migrate_from_chat_id in the new one); the old id stops working, so the link and the
 * cards' addresses follow. Either message may come first or twice: the second does nothing.
 */
export async function migrateHrGroupChat(
  db: DbTx,
  input: { fromChatId: number | bigint; toChatId: number | bigint },
): Promise<boolean> {
  const from = BigInt(input.fromChatId);
  const to = BigInt(input.toChatId);
  const { count } = await db.hrGroup.updateMany({ where: { chatId: from }, data: { chatId: to } });
  await db.proposal.updateMany({ where: { cardChatId: from, status: "PENDING" }, data: { cardChatId: to } });
  if (count > 0) {
    await writeAudit(db, {
      action: "hrgroup.migrate",
      entity: "hrGroup",
      entityId: to.toString(),
      details: { from: from.toString(), to: to.toString() },
    });
  }
  return count > 0;
}
