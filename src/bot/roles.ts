import type { BotContext } from "./context.ts";

export type PersonRole = "none" | "unit_head" | "hr_approver" | "admin";

/** The role that decides what someone is shown: their registered role, else admin by configuration. */
export function personRole(ctx: BotContext): PersonRole {
  switch (ctx.user?.role) {
    case "UNIT_HEAD":
      return "unit_head";
    case "HR_APPROVER":
      return "hr_approver";
    case "ADMIN":
      return "admin";
    default:
      return ctx.isAdmin ? "admin" : "none";
  }
}
