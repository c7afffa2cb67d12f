import { DomainError } from "../domain/errors.ts";
import type { BotContext } from "./context.ts";

/**
 * Which agency's files (the transfer list, the formasi sheet) this person may take out here: null for
 * all (an admin outside a linked group). The files name people, so in a group only the agency's own
 * HR group; an approver of another agency or a unit head is refused.
 */
export async function hrFileScope(ctx: BotContext): Promise<number | null> {
  const chat = ctx.chat;
  if (!chat) throw new DomainError("export_not_allowed");
  const isApprover = ctx.user?.role === "HR_APPROVER" && ctx.user.agencyId !== null;
  if (!ctx.isAdmin && !isApprover) throw new DomainError("export_not_allowed");
  if (chat.type === "private") return ctx.isAdmin ? null : (ctx.user?.agencyId ?? null);
  const group = await ctx.deps.db.hrGroup.findUnique({ where: { chatId: BigInt(chat.id) } });
  // The list names people and their moves: only in the agency's own HR group.
  if (!group || !group.active) throw new DomainError("export_wrong_group");
  if (!ctx.isAdmin && group.agencyId !== ctx.user?.agencyId) throw new DomainError("export_wrong_group");
  return group.agencyId;
}
