/**
 * Recognises a statement format from the first bytes of a file, so users can
 * import without naming it. Returns undefined when nothing fits; the caller
 * then asks for `--format`.
 */
export type DetectedFormat = 'mt940' | 'mt942' | 'mt950' | 'camt052' | 'camt053' | 'camt054' | 'bai2' | 'ofx' | 'csv' | 'xlsx';

export function detectFormat(head: Uint8Array): DetectedFormat | undefined {
  // XLSX is a ZIP container: "PK\x03\x04".
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  const text = new TextDecoder('latin1').decode(head.subarray(0, 8192)).replace(/^\uFEFF|^ï»¿/, '');
  if (/<(\w+:)?BkToCstmrStmt\b/.test(text) || /camt\.053\.001/.test(text)) return 'camt053';
  if (/<(\w+:)?BkToCstmrAcctRpt\b/.test(text) || /camt\.052\.001/.test(text)) return 'camt052';
  if (/<(\w+:)?BkToCstmrDbtCdtNtfctn\b/.test(text) || /camt\.054\.001/.test(text)) return 'camt054';
  if (/OFXHEADER|<OFX>|<\?OFX/i.test(text)) return 'ofx';
  if (/^\s*01,[^,\n]*,[^,\n]*,\d{6},[\d:]*,/.test(text) && /(\n|\/)\s*02,/.test(text)) return 'bai2';
  if (/(^|\n|\{4:\r?\n?):20:/.test(text) && /:(25|28C?|60F|61):/.test(text)) {
    if (/\{2:[IO]942/.test(text) || (/:34F:/.test(text) && !/:60F:/.test(text))) return 'mt942';
    if (/\{2:[IO]950/.test(text)) return 'mt950';
    return 'mt940';
  }
  const firstLines = text.split(/\r\n|\r|\n/).slice(0, 5);
  if (firstLines.length > 1 && firstLines.every((l, i) => i === firstLines.length - 1 || /[,;\t|]/.test(l))) return 'csv';
  return undefined;
}
