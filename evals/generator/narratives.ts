/** Bank-style narratives in several languages, as statements really write them. */
export const FEE_TEXTS = ['KONTOFUEHRUNG', 'Account maintenance fee', 'FRAIS DE TENUE DE COMPTE', 'COMISION MANTENIMIENTO', 'Entgelt Kontoführung', 'MONTHLY SERVICE CHARGE'];
export const INTEREST_TEXTS = ['HABENZINSEN', 'Interest credit', 'INTERETS CREDITEURS', 'INTERESES A FAVOR', 'CREDIT INTEREST'];
export const RETURN_TEXTS = ['RUECKLASTSCHRIFT MANGELNDE DECKUNG', 'RETURNED ITEM NSF', 'RETOUR PRELEVEMENT', 'DEVOLUCION RECIBO', 'ACH RETURN R01 INSUFFICIENT FUNDS'];
export const RECEIPT_TEXTS = ['SEPA Gutschrift', 'INCOMING WIRE', 'VIREMENT RECU', 'TRANSFERENCIA RECIBIDA', 'ACH CREDIT'];
export const PAYMENT_TEXTS = ['SEPA Ueberweisung', 'OUTGOING WIRE', 'VIREMENT EMIS', 'TRANSFERENCIA EMITIDA', 'ACH DEBIT'];
export const COMPANIES = ['ACME GmbH', 'Bolt Ltd', 'Nordlicht AG', 'Brightwave BV', 'Kraftwerk Logistik', 'Hansa Office', 'Fjord AS', 'Atlas Retail', 'Sonnenfeld KG', 'Lumen SARL', 'Stahl & Co', 'Papierwerk Köln'];
/** Aliases banks print for the same counterparty. */
export const ALIASES: Readonly<Record<string, string>> = {
  'ACME GmbH': 'ACME GMBH BERLIN',
  'Bolt Ltd': 'BOLT LIMITED',
  'Nordlicht AG': 'NORDLICHT AKTIENGESELLSCHAFT',
  'Stahl & Co': 'STAHL UND CO',
};
