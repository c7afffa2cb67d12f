import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpServer, MAX_BODY_BYTES, type HttpServer } from "../../src/http/server.ts";
import { createMetrics } from "../../src/metrics.ts";
import { checkHealth } from "../../src/use-cases/status/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, type TestBot } from "../support/harness.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";

const SECRET = "webhook-secret_0123456789abcdef";
const PATH = "/telegram/hook";

describe.skipIf(skipPg)("webhook: only Telegram, with the secret, and each update once", () => {
  const db = useTestDatabase();
  let t: TestBot;
  let http: HttpServer;
  let base: string;
  beforeEach(async () => {
    t = buildTestBot(db.prisma);
    http = await createHttpServer({
      port: 0,
      host: "127.0.0.1",
      webhook: { path: PATH, secret: SECRET, handleUpdate: (update) => t.bot.handleUpdate(update) },
      health: () => checkHealth(db.prisma),
      metrics: createMetrics().registry,
    });
    base = `http://127.0.0.1:${http.port}`;
  });
  afterEach(async () => http.close());

  const siti = { id: 5001, first_name: "Siti", language_code: "id" };
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("refuses a missing, wrong or wrong-length secret with 401 and processes nothing", async () => {
    const update = textUpdate(siti, "/start");
    const body = JSON.stringify(update);
    const wrongSameLength = SECRET.slice(0, -1) + (SECRET.endsWith("f") ? "e" : "f");
    const answers = [
      await post(body),
      await post(body, { "X-Telegram-Bot-Api-Secret-Token": wrongSameLength }),
      await post(body, { "X-Telegram-Bot-Api-Secret-Token": SECRET + "x" }),
      await post(body, { "X-Telegram-Bot-Api-Secret-Token": "" }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(t.calls).toEqual([]);
    expect(await db.prisma.processedUpdate.count()).toBe(0);
    expect(await db.prisma.conversationSession.count()).toBe(0);
  });

  it("handles an update with the right secret, and a redelivery of it changes nothing and sends nothing", async () => {
    const update = textUpdate(siti, "/start");
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    const first = await post(JSON.stringify(update), headers);
    expect(first.status).toBe(200);
    expect(sentTexts(t.calls)).toEqual([expect.stringContaining("Selamat datang di <b>Seimbang</b>, Siti")]);
    expect(await db.prisma.processedUpdate.findMany()).toEqual([
      expect.objectContaining({ updateId: BigInt(update.update_id) }),
    ]);

    const again = await post(JSON.stringify(update), headers);
    expect(again.status).toBe(200);
    expect(sentTexts(t.calls)).toHaveLength(1);
    expect(await db.prisma.processedUpdate.count()).toBe(1);
  });

  it("processes the same update posted twice at once only once", async () => {
    const update = textUpdate(siti, "/start");
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    const answers = await Promise.all([
      post(JSON.stringify(update), headers),
      post(JSON.stringify(update), headers),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await db.prisma.processedUpdate.count()).toBe(1);
    // Both may run the read-only /start handler before either commits; only one records it.
    expect(sentTexts(t.calls).length).toBeGreaterThanOrEqual(1);
  });

  it("answers 400 to a body that is not a Telegram update and 413 to one over 1 MB, processing nothing", async () => {
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    expect((await post("{not json", headers)).status).toBe(400);
    expect((await post(JSON.stringify({ hello: "world" }), headers)).status).toBe(400);
    const huge = JSON.stringify({ update_id: 1, padding: "x".repeat(MAX_BODY_BYTES) });
    expect((await post(huge, headers)).status).toBe(413);
    expect((await fetch(`${base}${PATH}`, { headers })).status).toBe(405);
    expect(t.calls).toEqual([]);
    expect(await db.prisma.processedUpdate.count()).toBe(0);
  });

  it("answers 500 when handling fails so that Telegram redelivers", async () => {
    await http.close();
    http = await createHttpServer({
      port: 0,
      host: "127.0.0.1",
      webhook: {
        path: PATH,
        secret: SECRET,
        handleUpdate: async () => {
          throw new Error("database unreachable");
        },
      },
      health: () => checkHealth(db.prisma),
      metrics: createMetrics().registry,
    });
    base = `http://127.0.0.1:${http.port}`;
    const answer = await post(JSON.stringify(textUpdate(siti, "/start")), {
      "X-Telegram-Bot-Api-Secret-Token": SECRET,
    });
    expect(answer.status).toBe(500);
  });

  it("close() lets a request in flight finish and then stops accepting", async () => {
    await http.close();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let handled = 0;
    http = await createHttpServer({
      port: 0,
      host: "127.0.0.1",
      webhook: {
        path: PATH,
        secret: SECRET,
        handleUpdate: async () => {
          await gate;
          handled += 1;
        },
      },
      health: () => checkHealth(db.prisma),
      metrics: createMetrics().registry,
    });
    const port = http.port;
    const inFlight = postRaw(port, JSON.stringify(textUpdate(siti, "/start")), SECRET);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = http.close();
    release();
    expect(await inFlight).toBe(200);
    await closed;
    expect(handled).toBe(1);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    http = { close: async () => undefined } as HttpServer;
  });
});

/** A raw request, so that the call is on the wire before close() starts. */
function postRaw(port: number, body: string, secret: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: PATH,
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
