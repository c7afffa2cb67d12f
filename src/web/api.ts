import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { viewScope } from "../domain/actor.ts";
import type { Clock } from "../domain/clock.ts";
import { DomainError, type ErrorCode } from "../domain/errors.ts";
import { HttpError, readBody, sendJson, sendJsonTo } from "../http/respond.ts";
import type { Logger } from "../logger.ts";
import { plainErrorText } from "../messages/error-text.ts";
import type { Locale } from "../messages/locales/index.ts";
import { personOfTelegramUser, type Person } from "../use-cases/accounts/index.ts";
import { simulateWhatIf, whatIfChangesSchema } from "../use-cases/balancing-check/index.ts";
import { getDistrictMap, getUnitView, listProposalsInView } from "../use-cases/district-view/index.ts";
import { decideInView } from "../use-cases/proposals/index.ts";
import { authenticate } from "./init-data.ts";
import type { PlanMemo } from "../engine/plan-memo.ts";

export interface WebApiDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  botToken: string;
  authMaxAgeSeconds: number;
  adminIds: readonly bigint[];
  defaultLocale: Locale;
  timeZone: string;
  mapTileUrl: string;
  /** The process's plans remembered (engine/plan-memo.ts): the team's next what-if plans one side. */
  plans?: PlanMemo;
}

/** A what-if or a decision is small; anything bigger is not the page. */
const MAX_API_BODY_BYTES = 64 * 1024;

/** Refusals about who is asking: 403. Every other refusal is about the thing asked: 409. */
const FORBIDDEN: ReadonlySet<ErrorCode> = new Set([
  "view_not_allowed",
  "approver_only",
  "not_hr_approver",
  "proposal_about_self",
]);

const NOT_FOUND: ReadonlySet<ErrorCode> = new Set(["proposal_unknown", "unit_unknown"]);

const decisionBody = z
  .object({ decision: z.enum(["approve", "reject"]), reason: z.string().max(2000).optional() })
  .strict();

/** What the route's pattern caught: a proposal's id or a unit's code. */
type Handler = (
  person: Person,
  req: IncomingMessage,
  res: ServerResponse,
  param?: string,
) => Promise<unknown>;

/**
 * The Mini App's API, version 1 (docs/web.md): every call carries Telegram's signed initData and is
 * answered as the person the bot knows. A refusal comes back as `{ ok: false, code, error }` with the
 * error in the person's language; the status says whose the problem is (401 who, 403 rights, 400 the
 * request, 404 nothing there, 409 the state of the thing).
 */
export function webApi(deps: WebApiDeps) {
  const { db, clock } = deps;
  const routes: Array<{ method: string; path: RegExp; handle: Handler }> = [
    {
      method: "GET",
      path: /^\/api\/v1\/me$/,
      handle: async (person) => ({
        version: 1,
        // The same refusal as the data's: a person with no view gets 403 at once.
        scope: viewScope(person.actor),
        locale: person.locale,
        name: person.actor.name,
        roles: {
          admin: person.actor.admin,
          approverOf: person.actor.approverOf !== null ? person.agency : null,
          headOf: person.actor.headOf !== null ? person.unit : null,
        },
        map: { tileUrl: deps.mapTileUrl === "off" ? null : deps.mapTileUrl },
      }),
    },
    {
      method: "GET",
      path: /^\/api\/v1\/district$/,
      handle: (person) =>
        getDistrictMap(db, { actor: person.actor, now: clock.now(), timeZone: deps.timeZone }),
    },
    {
      method: "GET",
      path: /^\/api\/v1\/units\/([^/]{1,64})$/,
      handle: (person, _req, _res, code) =>
        getUnitView(db, {
          actor: person.actor,
          unitCode: decodePathPart(code ?? ""),
          now: clock.now(),
          timeZone: deps.timeZone,
        }),
    },
    {
      method: "GET",
      path: /^\/api\/v1\/proposals$/,
      handle: async (person) => ({
        version: 1,
        proposals: await listProposalsInView(db, {
          actor: person.actor,
          now: clock.now(),
          locale: person.locale,
        }),
      }),
    },
    {
      method: "POST",
      path: /^\/api\/v1\/proposals\/(\d{1,9})\/decision$/,
      handle: async (person, req, res, param) => {
        const body = decisionBody.safeParse(await readJson(req, res));
        if (!body.success || param === undefined) throw new HttpError(400, "expected {decision, reason?}");
        const id = Number(param);
        const { decision, reason } = body.data;
        const outcome = await db.$transaction((tx) =>
          decideInView(tx, {
            proposalId: id,
            actor: person.actor,
            verdict: decision === "approve" ? "APPROVE" : "REJECT",
            reason,
            now: clock.now(),
            timeZone: deps.timeZone,
            groupLocale: deps.defaultLocale,
          }),
        );
        return {
          version: 1,
          id: outcome.proposal.id,
          outcome: outcome.kind,
          status: outcome.proposal.status,
          ...(outcome.kind === "vote" ? { approvals: outcome.approvals, quorum: outcome.quorum } : {}),
        };
      },
    },
    {
      method: "POST",
      path: /^\/api\/v1\/what-if$/,
      handle: async (person, req, res) => {
        const changes = whatIfChangesSchema.safeParse(await readJson(req, res));
        if (!changes.success) throw new HttpError(400, changes.error.issues[0]?.message ?? "bad changes");
        return {
          version: 1,
          ...(await simulateWhatIf(db, {
            actor: person.actor,
            changes: changes.data,
            now: clock.now(),
            timeZone: deps.timeZone,
            plans: deps.plans,
          })),
        };
      },
    },
  ];

  return async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (!path.startsWith("/api/")) return false;
    res.setHeader("cache-control", "no-store");
    const user = authenticate(req.headers.authorization, {
      botToken: deps.botToken,
      maxAgeSeconds: deps.authMaxAgeSeconds,
      now: clock.now(),
    });
    const matching = routes.filter((r) => r.path.test(path));
    const route = matching.find((r) => r.method === req.method);
    if (!route)
      throw new HttpError(
        matching.length > 0 ? 405 : 404,
        matching.length > 0 ? "method not allowed" : "not found",
      );
    const person = await personOfTelegramUser(db, {
      ...user,
      adminIds: deps.adminIds,
      defaultLocale: deps.defaultLocale,
    });
    const param = route.path.exec(path)?.[1];
    try {
      await sendJsonTo(req, res, 200, await route.handle(person, req, res, param));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = FORBIDDEN.has(error.code) ? 403 : NOT_FOUND.has(error.code) ? 404 : 409;
      sendJson(res, status, { ok: false, code: error.code, error: plainErrorText(person.locale, error) });
    }
    return true;
  };
}

async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (!String(req.headers["content-type"] ?? "").startsWith("application/json"))
    throw new HttpError(415, "send application/json");
  try {
    return JSON.parse((await readBody(req, res, MAX_API_BODY_BYTES)).toString("utf8"));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "body is not JSON");
  }
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, "malformed path");
  }
}
