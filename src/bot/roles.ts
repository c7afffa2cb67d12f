import type { DbTx } from "../db/client.ts";
import { DomainError } from "../domain/errors.ts";
import type { BotContext } from "./context.ts";
import { roleKey } from "../messages/command-menus.ts";

export type PersonRole = "none" | "unit_head" | "hr_approver" | "admin" | "employee";

/** The role that decides what someone is shown: their registered role, else admin by configuration. */
export function personRole(ctx: BotContext): PersonRole {
  return roleKey(ctx.user?.role) ?? (ctx.isAdmin ? "admin" : "none");
}

/**
 * Who may run a check from a group: the transfer team of the agency linked to that group, or an
 * admin. Returns the group's agency id.
 */
export async function assertMayRunCheck(
  db: DbTx,
  input: {
    chatId: number | bigint;
    user: { role: string; agencyId: number | null } | null;
    isAdmin: boolean;
  },
): Promise<number> {
  const group = await db.hrGroup.findUnique({ where: { chatId: BigInt(input.chatId) } });
  if (!group) throw new DomainError("check_group_unlinked");
  const approver = input.user?.role === "HR_APPROVER" && input.user.agencyId === group.agencyId;
  if (!approver && !input.isAdmin) throw new DomainError("check_not_allowed");
  return group.agencyId;
}
