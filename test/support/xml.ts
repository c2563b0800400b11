/** XML text with its five predefined entities decoded (&amp; last, so "&amp;lt;" stays "&lt;"). */
export const decodeXmlText = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
