import { sign } from "@telegram-apps/init-data-node";
import { Registry } from "prom-client";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { Clock } from "../../src/domain/clock.ts";
import { createHttpServer, type HttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";
import { webApp } from "../../src/web/index.ts";
import { TEST_TOKEN } from "./harness.ts";
import type { Person } from "./telegram.ts";
import { PlanMemo } from "../../src/engine/plan-memo.ts";

/**
 * The bot's HTTP server with the Mini App on, as main.ts wires it when WEB_APP_URL is set, on a free
 * port: requests go in over real HTTP.
 */
export async function startWebApp(
  db: PrismaClient,
  options: {
    clock: Clock;
    adminIds?: bigint[];
    maxAgeSeconds?: number;
    tileUrl?: string;
    /** The page's plans remembered; a memory of its own by default, as the process gives the page one. */
    plans?: PlanMemo;
  },
): Promise<HttpServer & { url: string }> {
  const server = await createHttpServer({
    port: 0,
    host: "127.0.0.1",
    health: async () => ({ ok: true }) as never,
    metrics: new Registry(),
    web: webApp({
      db,
      clock: options.clock,
      logger: createLogger("silent"),
      botToken: TEST_TOKEN,
      authMaxAgeSeconds: options.maxAgeSeconds ?? 86_400,
      adminIds: options.adminIds ?? [],
      defaultLocale: "id",
      timeZone: "Asia/Jayapura",
      mapTileUrl: options.tileUrl ?? "off",
      plans: options.plans ?? new PlanMemo(),
    }),
  });
  return Object.assign(server, { url: `http://127.0.0.1:${server.port}` });
}

/** The initData Telegram hands the page for this person, signed with the test bot's token at `authDate`. */
export function initDataFor(person: Person, authDate: Date, token = TEST_TOKEN): string {
  return sign(
    {
      user: {
        id: person.id,
        first_name: person.first_name,
        ...(person.last_name ? { last_name: person.last_name } : {}),
        ...(person.language_code ? { language_code: person.language_code } : {}),
      },
      chat_instance: "-4100000000000000000",
      chat_type: "private",
    },
    token,
    authDate,
  );
}

/** A request to the API as the page makes it. */
export async function apiCall(
  base: string,
  path: string,
  init: { initData?: string | null; method?: string; body?: unknown; header?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (init.header !== undefined) headers.authorization = init.header;
  else if (init.initData) headers.authorization = `tma ${init.initData}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}/api/v1/${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
