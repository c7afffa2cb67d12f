import { letteredButton } from "./lettered.ts";

/**
 * What a button on a proposal card asks for: approve, reject (then a reason), the full rationale,
 * marking a head's late objection as reviewed by the team, or widening a rejection to the person.
 */
export type ProposalAction = "approve" | "reject" | "details" | "reviewed" | "person";

/** "p:a:123": the action and the proposal. */
export const proposalData = letteredButton({
  prefix: "p",
  letters: { approve: "a", reject: "r", details: "d", reviewed: "v", person: "w" } satisfies Record<
    ProposalAction,
    string
  >,
  action: "action",
  id: "proposalId",
});
