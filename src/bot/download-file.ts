import type { BotContext } from "./context.ts";

/** The bytes of a file a person sent: the injected fetcher in tests, else getFileLink and fetch. */
export async function downloadFile(ctx: BotContext, fileId: string): Promise<Buffer> {
  if (ctx.deps.fetchFile) return ctx.deps.fetchFile(fileId);
  const link = await ctx.telegram.getFileLink(fileId);
  const response = await fetch(link);
  if (!response.ok) throw new Error(`file download failed: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
