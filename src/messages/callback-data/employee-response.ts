import { z } from "zod";
import { conversationButton } from "./conversation-button.ts";

const pressSchema = z.object({
  kind: z.enum(["RESPONSE", "KEBERATAN"]),
  proposalId: z.coerce.number().int().positive(),
});
export type ResponsePress = z.infer<typeof pressSchema>;

/**
 * A button under a letter to the person moved (issue 15): "rs:r:{proposalId}" answers the notice
 * (sosialisasi), "rs:k:{proposalId}" files a keberatan against the SK. It carries the proposal only;
 * who may press it, and until when, is re-read from the database.
 */
export const employeeResponseData = {
  pack: (kind: ResponsePress["kind"], proposalId: number) =>
    `rs:${kind === "RESPONSE" ? "r" : "k"}:${proposalId}`,
  unpack(data: string): ResponsePress | null {
    const match = /^rs:([rk]):(\d{1,10})$/.exec(data);
    if (!match) return null;
    const parsed = pressSchema.safeParse({
      kind: match[1] === "r" ? "RESPONSE" : "KEBERATAN",
      proposalId: match[2],
    });
    return parsed.success ? parsed.data : null;
  },
  pattern: /^rs:/,
};

/** The step that asks for the person's words: "rw:{nonce}:cancel:" (its Batal button). */
export const responseStepData = conversationButton("rw", ["cancel"] as const);

const decisionSchema = z.object({
  verdict: z.enum(["UPHOLD", "DISMISS"]),
  responseId: z.coerce.number().int().positive(),
});
export type ResponseDecisionPress = z.infer<typeof decisionSchema>;

/**
 * The HR group's buttons on a response card: "rd:u:{responseId}" upholds (the proposal is
 * cancelled), "rd:d:{responseId}" dismisses (a reason follows). Rights and state are re-read.
 */
export const responseDecisionData = {
  pack: (verdict: ResponseDecisionPress["verdict"], responseId: number) =>
    `rd:${verdict === "UPHOLD" ? "u" : "d"}:${responseId}`,
  unpack(data: string): ResponseDecisionPress | null {
    const match = /^rd:([ud]):(\d{1,10})$/.exec(data);
    if (!match) return null;
    const parsed = decisionSchema.safeParse({
      verdict: match[1] === "u" ? "UPHOLD" : "DISMISS",
      responseId: match[2],
    });
    return parsed.success ? parsed.data : null;
  },
  pattern: /^rd:/,
};
