/**
 * Tolerant blocking keys for the aggregation pass. Blocking only decides which
 * records are searched together; whether a tied group is a match is still
 * decided on the exact normalized reference (match-records.ts), so a looser
 * key can find more groups but never turns a break into a match.
 *
 * - reference core: the reference without an instalment suffix, so
 *   "INV-68136 RATE 1", "inv 68136 rate 2" and "INV-68136" meet;
 * - counterparty core: the first significant word of the name once legal
 *   forms, connectors and city names are dropped, so "ACME GMBH BERLIN" meets
 *   "ACME GmbH" and "STAHL UND CO" meets "Stahl & Co".
 */
import { normalizeReference } from '../records/normalize-reference.ts';

/** "… 1/2", "… 2 / 3" at the end of a reference: an instalment's position, written before normalizing removes the slash. */
const FRACTION_SUFFIX = /[\s._-]*\d{1,3}\s*\/\s*\d{1,3}[\s.]*$/;
/** Instalment words with their number, on the normalized form ("INV68136RATE1"). */
const INSTALMENT_SUFFIX = /(?:RATE|TEIL|PART|INSTALLMENT|INSTALMENT|INST|TRANCHE)\d{0,3}$/;
/** A core shorter than this is too generic to block on: the whole reference is kept. */
const MIN_CORE = 3;

/** `normalized` is the reference already normalized, when the caller has it (prepared records do). */
export function referenceCore(reference: string | undefined, normalized = normalizeReference(reference)): string {
  if (normalized === '') return '';
  // Only a reference with a slash can carry an "n/m" suffix; the others skip the second normalizing.
  const stripped = reference !== undefined && reference.includes('/') ? normalizeReference(reference.replace(FRACTION_SUFFIX, '')) : normalized;
  const core = stripped.replace(INSTALMENT_SUFFIX, '');
  return core.length >= MIN_CORE ? core : normalized;
}

/** Words that say what kind of company or where, not which one. */
const NOT_A_NAME = new Set(
  `GMBH MBH AG KG KGAA OHG GBR UG EV EG SE LTD LIMITED PLC LLP LLC LP INC INCORPORATED CORP CORPORATION CO COMPANY CIE
   SA SAS SARL SRL SPA SL BV NV AS ASA AB OY OYJ APS AKTIENGESELLSCHAFT GESELLSCHAFT HOLDING HOLDINGS GROUP
   UND AND ET Y THE DER DIE DAS LE LA LES DE DU VON VAN
   BERLIN HAMBURG MUENCHEN MUNCHEN KOELN KOLN FRANKFURT DUESSELDORF DUSSELDORF STUTTGART LEIPZIG BREMEN HANNOVER
   WIEN ZURICH ZUERICH GENF GENEVE GENEVA BASEL PARIS LYON LONDON MANCHESTER DUBLIN AMSTERDAM ROTTERDAM BRUXELLES BRUSSELS
   LUXEMBOURG MADRID BARCELONA MILANO MILAN ROMA OSLO STOCKHOLM KOBENHAVN COPENHAGEN HELSINKI WARSZAWA PRAHA`.split(/\s+/),
);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function counterpartyCore(counterparty: string | undefined): string {
  if (!counterparty) return '';
  // Most names are plain ASCII: no Unicode decomposition for them, as in normalizeText.
  const words = PRINTABLE_ASCII.test(counterparty)
    ? counterparty.toUpperCase().split(/[^A-Z0-9]+/)
    : counterparty
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toUpperCase()
        .split(/[^\p{L}\p{N}]+/u);
  for (const word of words) if (word.length >= 2 && !NOT_A_NAME.has(word)) return word;
  return normalizeReference(counterparty);
}
