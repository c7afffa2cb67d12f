import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of every page of a PDF, read back as a reader's copy-paste would (whitespace collapsed). */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    // A line that breaks after "/" or "-" (pdfkit breaks "pangkat/golongan" there) continues the word.
    let text = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      text += item.str;
      if (item.hasEOL && !/[/-]$/.test(text)) text += " ";
    }
    pages.push(text);
  }
  await doc.destroy();
  return squash(pages.join(" "));
}

export const squash = (text: string) => text.replace(/\s+/g, " ").trim();
