import { DomainError } from "../../domain/errors.ts";
import type { BotContext } from "../context.ts";

export interface HeadIdentity {
  userId: number;
  unitId: number;
}

/**
 * A head reports only for their own unit, in private chat. Anyone else gets the same refusal
 * whatever they asked about, so nothing is revealed; the use cases check it again in their queries.
 */
export function requireUnitHead(ctx: BotContext): HeadIdentity {
  if (ctx.chat?.type !== "private") throw new DomainError("private_only");
  const user = ctx.user;
  if (!user || user.role !== "UNIT_HEAD" || user.unitId === null) throw new DomainError("unit_head_only");
  return { userId: user.id, unitId: user.unitId };
}
