import { readFile } from "node:fs/promises";
import { htmlToPlain } from "../../messages/error-text.ts";
import { whatIfChangeTexts, whatIfText } from "../../messages/what-if-text.ts";
import { simulateWhatIf, whatIfChangesSchema } from "../../use-cases/balancing-check/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: what-if --input <changes.json> [--json]";

/** The operator at the terminal: an admin, as the CLI is everywhere else. */
const OPERATOR = { userId: null, name: "cli", admin: true, approverOf: null, headOf: null, employeeId: null };

/**
 * The Mini App's Simulasi at the terminal: the district planned as it is and as the changes file says
 * (docs/web.md, POST /api/v1/what-if: needs, rombel, leaving, policy), side by side. Nothing is written.
 */
export const whatIfCommand: CliCommand = {
  usage:
    "what-if --input <changes.json> [--json]  plan the district as it is and as changed (rombel, people leaving, caps); nothing is written",
  async run(args, ctx) {
    const [flag, path, ...rest] = args;
    if (flag !== "--input" || !path || path.startsWith("--") || rest.some((a) => a !== "--json"))
      throw usageError(USAGE);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      throw operatorError(`Cannot read ${path} as JSON: ${(error as Error).message}`);
    }
    const changes = whatIfChangesSchema.safeParse(json);
    if (!changes.success) {
      const issue = changes.error.issues[0];
      throw operatorError(`${path}: ${issue?.path.join(".") || "changes"}: ${issue?.message ?? "not valid"}`);
    }
    const { prisma } = await ctx.database();
    const answer = await simulateWhatIf(prisma, {
      actor: OPERATOR,
      changes: changes.data,
      now: ctx.clock.now(),
      timeZone: ctx.config.SCHEDULE_TIMEZONE,
    });
    if (rest.includes("--json")) {
      ctx.io.out(JSON.stringify(answer, null, 2));
      return;
    }
    ctx.io.out(htmlToPlain(whatIfText("en", answer, whatIfChangeTexts("en", changes.data))));
  },
};
