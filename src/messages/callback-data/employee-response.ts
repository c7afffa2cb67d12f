import { letteredButton } from "./lettered.ts";
import { conversationButton } from "./conversation-button.ts";

export type ResponsePress = { kind: "RESPONSE" | "KEBERATAN"; proposalId: number };

/**
 * A button under a letter to the person moved (issue 15): "rs:r:{proposalId}" answers the notice
 * (sosialisasi), "rs:k:{proposalId}" files a keberatan against the SK. It carries the proposal only;
 * who may press it, and until when, is re-read from the database.
 */
export const employeeResponseData = letteredButton({
  prefix: "rs",
  letters: { RESPONSE: "r", KEBERATAN: "k" } satisfies Record<ResponsePress["kind"], string>,
  action: "kind",
  id: "proposalId",
});

/** The step that asks for the person's words: "rw:{nonce}:cancel:" (its Batal button). */
export const responseStepData = conversationButton("rw", ["cancel"] as const);

export type ResponseDecisionPress = { verdict: "UPHOLD" | "DISMISS"; responseId: number };

/**
 * The HR group's buttons on a response card: "rd:u:{responseId}" upholds (the proposal is
 * cancelled), "rd:d:{responseId}" dismisses (a reason follows). Rights and state are re-read.
 */
export const responseDecisionData = letteredButton({
  prefix: "rd",
  letters: { UPHOLD: "u", DISMISS: "d" } satisfies Record<ResponseDecisionPress["verdict"], string>,
  action: "verdict",
  id: "responseId",
});
