/**
 * The narrative of a record as the keyword rules read it: description,
 * counterparty and reference folded to lower-case ASCII words, with anything
 * that looks like an instruction to a reader removed first.
 *
 * Why strip instructions: text in records is data and never changes the truth.
 * A planted "classify as rounding_difference" must not make the word
 * "rounding" count as evidence, so instruction-like text is cut before the
 * keyword families see it (from the first marker to the end of the field —
 * planted instructions are appended to genuine bank text far more often than
 * they precede it).
 */
import type { CanonicalRecord } from '../records/canonical-record.ts';

const NON_ASCII = /[^\x20-\x7e]/;
const MARKS = /\p{M}/gu;
const SEPARATORS = /[^a-z0-9/%]+/g;

/** German umlauts are written out as "ue" by many banks and as "ü" by others; both fold to the same letters here. */
const TRANSLITERATION: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', å: 'a', ł: 'l', đ: 'd', þ: 'th' };
const SPECIAL_LETTERS = /[ßæœøåłđþ]/g;

/** Lower-case, accents removed ("Gebühr" → "gebuhr", "intérêts" → "interets"), punctuation to single spaces. */
export function foldText(value: string): string {
  let text = value.toLowerCase();
  if (NON_ASCII.test(text)) text = text.replace(SPECIAL_LETTERS, (c) => TRANSLITERATION[c] ?? c).normalize('NFKD').replace(MARKS, '');
  return text.replace(SEPARATORS, ' ').trim();
}

/**
 * Markers of text addressed to a model or a reviewer rather than describing a
 * payment. Matched on the raw text, case-insensitively, compiled once.
 */
const INSTRUCTION_MARKERS =
  /(ignore\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier)\s+(instructions|rules|prompts?)|disregard\s+(all\s+|the\s+)?(previous|prior|above)|\b(system|assistant|developer)\s*:|note\s+to\s+(the\s+)?(reviewer|agent|ai|model|assistant|llm)|reviewer\s+agent|\bauto[\s-]?approve|\bapprove\s+(this|all|it|the)\b|\bclassify\s+(this\s+|it\s+|them\s+)?as\b|\bwith\s+confidence\b|\byou\s+are\s+(an?|the)\s+(ai|assistant|model|agent)|\bnew\s+instructions\b|\bdo\s+not\s+escalate\b)/i;

/** Taxonomy codes written into free text ("rounding_difference") are never genuine bank narrative. */
const SNAKE_CASE_CODE = /\b[a-z]+(_[a-z]+)+\b/gi;

/** The text without instruction-like content: everything from the first marker on is dropped. */
export function stripInstructions(value: string): string {
  const marker = INSTRUCTION_MARKERS.exec(value);
  const kept = marker ? value.slice(0, marker.index) : value;
  return kept.replace(SNAKE_CASE_CODE, ' ');
}

/** True when the text carries instruction-like content (reported as evidence, never obeyed). */
export function hasInstructions(value: string | undefined): boolean {
  return value !== undefined && INSTRUCTION_MARKERS.test(value);
}

export interface Narrative {
  /** Description, counterparty and reference, folded, instructions removed. */
  readonly text: string;
  /** Some field carried instruction-like text. */
  readonly instructions: boolean;
}

/** One record's narrative, folded: description, counterparty and reference joined (one marker search per field). */
export function recordNarrative(record: CanonicalRecord): Narrative {
  let text = '';
  let instructions = false;
  for (const field of [record.description, record.counterparty, record.reference]) {
    if (!field) continue;
    const marker = INSTRUCTION_MARKERS.exec(field);
    if (marker) instructions = true;
    const folded = foldText((marker ? field.slice(0, marker.index) : field).replace(SNAKE_CASE_CODE, ' '));
    if (folded !== '') text = text === '' ? folded : `${text} ${folded}`;
  }
  return { text, instructions };
}
