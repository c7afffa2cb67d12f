import { z } from "zod";

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
