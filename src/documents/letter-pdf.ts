/**
 * What every letter of Seimbang shares (issue 15): A4, DejaVu Sans (it carries every letter of
 * Indonesian names and gelar, and keeps the text extractable), the agency's name as the letterhead,
 * the title, the addressee, headed sections and a footnote. Each letter kind builds its sections
 * from plain typed data in its own file; this one only lays them out.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";

export interface LetterUnit {
  name: string;
  kecamatan?: string | null;
}

export interface LetterSection {
  heading: string;
  paragraphs: string[];
}

export interface LetterLayout {
  agencyName: string;
  /** The PDF's own title (document properties). */
  documentTitle: string;
  title: string;
  subtitle: string;
  createdAt: Date;
  addressee: { name: string; at: string };
  sections: LetterSection[];
  footnote: string;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
// Read once, on the first letter (not on import): the decision that writes a letter runs in a transaction.
let fonts: { body: Buffer; bold: Buffer } | null = null;
const loadFonts = () =>
  (fonts ??= {
    body: readFileSync(join(fontDir, "DejaVuSans.ttf")),
    bold: readFileSync(join(fontDir, "DejaVuSans-Bold.ttf")),
  });

export const place = (unit: LetterUnit) =>
  unit.kecamatan ? `${unit.name} (Kecamatan ${unit.kecamatan})` : unit.name;

/** "1 Desember 2026": a letter's dates as Indonesian letters write them. */
export function letterDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

/** The letter as PDF bytes (A4, one or two pages). */
export async function renderLetterPdf(layout: LetterLayout): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: layout.documentTitle,
      Author: layout.agencyName,
      Creator: "Seimbang",
      CreationDate: layout.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { body, bold } = loadFonts();
  doc.registerFont("body", body);
  doc.registerFont("bold", bold);

  doc.font("bold").fontSize(12).text(layout.agencyName.toUpperCase(), { align: "center" });
  doc.moveDown(0.5).fontSize(14).text(layout.title, { align: "center" });
  doc.font("body").fontSize(10).text(layout.subtitle, { align: "center" });
  doc.moveDown(1.5).fontSize(11).text("Kepada Yth.");
  doc.font("bold").text(layout.addressee.name);
  doc.font("body").text(`di ${layout.addressee.at}`);
  for (const section of layout.sections) {
    doc.moveDown(1).font("bold").fontSize(11).text(section.heading);
    for (const paragraph of section.paragraphs)
      doc.moveDown(0.3).font("body").text(paragraph, { align: "justify", lineGap: 2 });
  }
  doc.moveDown(2).fontSize(9).fillColor("#555555").text(layout.footnote);
  doc.end();
  return done;
}
