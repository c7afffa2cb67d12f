import { z } from "zod";

/**
 * What a button on a proposal card asks for: approve, reject (then a reason), the full rationale,
 * marking a head's late objection as reviewed by the team, or widening a rejection to the person.
 */
export type ProposalAction = "approve" | "reject" | "details" | "reviewed" | "person";

const PREFIX = "p:";
const letters: Record<ProposalAction, string> = {
  approve: "a",
  reject: "r",
  details: "d",
  reviewed: "v",
  person: "w",
};
const byLetter: Record<string, ProposalAction> = {
  a: "approve",
  r: "reject",
  d: "details",
  v: "reviewed",
  w: "person",
};

const schema = z.object({
  letter: z.enum(["a", "r", "d", "v", "w"]),
  proposalId: z.coerce.number().int().positive().max(2_147_483_647),
});

/**
 * "p:a:123": only the action and the proposal id travel with the button (well under Telegram's 64
 * bytes); who may press it and whether it still counts is decided on the server from the database.
 */
export const proposalData = {
  pack: (action: ProposalAction, proposalId: number) => `${PREFIX}${letters[action]}:${proposalId}`,
  unpack(data: string): { action: ProposalAction; proposalId: number } | null {
    const match = /^p:([a-z]):(\d{1,10})$/.exec(data);
    if (!match) return null;
    const parsed = schema.safeParse({ letter: match[1], proposalId: match[2] });
    if (!parsed.success) return null;
    const action = byLetter[parsed.data.letter];
    return action ? { action, proposalId: parsed.data.proposalId } : null;
  },
  pattern: /^p:/,
};
