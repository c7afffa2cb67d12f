import { DomainError } from "../../domain/errors.ts";
import type { BotContext } from "../context.ts";
import type { HeadIdentity } from "./unit-head.ts";

/** The account's own employee, in private chat; anyone else gets the one refusal. */
export function requireEmployee(ctx: BotContext): HeadIdentity & { employeeId: number } {
  if (ctx.chat?.type !== "private") throw new DomainError("private_only");
  const employee = ctx.user?.employee;
  if (!ctx.user || !employee) throw new DomainError("employee_only");
  return { userId: ctx.user.id, unitId: employee.unitId, employeeId: employee.id };
}
