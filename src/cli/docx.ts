/** The 预算说明 as a Word document (.docx): the title, a heading per section and its paragraphs, on A4. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Explanation } from "../plan/explain";

/** Chinese body text in 宋体, headings in 黑体 (the fonts a 说明 is printed in); 12 pt body. */
const BODY_FONT = { ascii: "SimSun", eastAsia: "SimSun", hAnsi: "SimSun" };
const HEADING_FONT = { ascii: "SimHei", eastAsia: "SimHei", hAnsi: "SimHei" };

export async function explanationDocx(explanation: Explanation, creator: string): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: explanation.title, font: HEADING_FONT, size: 36, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: explanation.subtitle, font: BODY_FONT, size: 21, italics: true })],
    }),
  ];
  for (const section of explanation.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: section.heading, font: HEADING_FONT, size: 28, bold: true })],
      }),
    );
    for (const text of section.paragraphs)
      children.push(
        new Paragraph({
          // First-line indent of two characters, as Chinese prose is set.
          indent: { firstLine: 480 },
          spacing: { after: 120, line: 360 },
          children: [new TextRun({ text, font: BODY_FONT, size: 24 })],
        }),
      );
  }
  const document = new Document({
    creator,
    title: explanation.title,
    sections: [
      {
        // A4 in twentieths of a point, with 2.54 cm margins.
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
