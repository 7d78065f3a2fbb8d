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

/**
 * The multilingual level: the same families as banks in more countries write
 * them (German, French, Spanish, Italian, Dutch, Polish, Portuguese), with
 * their accents, replacing the narrative's lead words. Matched by the lists above.
 */
export const MULTILINGUAL: readonly { readonly from: readonly string[]; readonly to: readonly string[] }[] = [
  { from: FEE_TEXTS, to: ['Kontoführungsentgelt', 'Frais bancaires mensuels', 'Comisión de mantenimiento', 'Spese tenuta conto', 'Bankkosten kwartaal', 'Opłata za prowadzenie rachunku', 'Tarifa de manutenção'] },
  { from: INTEREST_TEXTS, to: ['Habenzinsen Quartal', 'Intérêts créditeurs', 'Intereses a favor', 'Interessi attivi', 'Creditrente', 'Juros credores'] },
  { from: RETURN_TEXTS, to: ['Rücklastschrift mangels Deckung', 'Rejet de prélèvement impayé', 'Devolución de recibo', 'Storno addebito insoluto', 'Terugboeking incasso'] },
  { from: RECEIPT_TEXTS, to: ['Gutschrift Überweisung', 'Virement reçu', 'Transferencia recibida', 'Bonifico in entrata', 'Overboeking ontvangen', 'Przelew przychodzący'] },
  { from: PAYMENT_TEXTS, to: ['Überweisung ausgehend', 'Virement émis', 'Transferencia emitida', 'Bonifico in uscita', 'Overboeking verzonden', 'Przelew wychodzący'] },
];
export const LEDGER_WORDS: Readonly<Record<string, readonly string[]>> = {
  Invoice: ['Rechnung', 'Facture', 'Factura', 'Fattura', 'Factuur'],
  Receipt: ['Zahlungseingang', 'Encaissement', 'Cobro', 'Incasso'],
  'Supplier payment': ['Lieferantenzahlung', 'Paiement fournisseur', 'Pago a proveedor', 'Pagamento fornitore'],
};

/**
 * The ambiguous level: terse statement lines that name the family only by a
 * bank's short code, and one-sided items without the counterparty's name.
 */
export const TERSE: readonly { readonly from: readonly string[]; readonly to: readonly string[] }[] = [
  { from: FEE_TEXTS, to: ['CHARGES', 'ACCT FEE', 'GEBUEHR', 'FRAIS'] },
  { from: INTEREST_TEXTS, to: ['INTEREST', 'ZINSEN', 'INT CR'] },
  { from: RETURN_TEXTS, to: ['RETURN R01', 'RUECKLASTSCHRIFT', 'REJET'] },
  { from: RECEIPT_TEXTS, to: ['CREDIT', 'TRF IN', 'GUTSCHRIFT'] },
  { from: PAYMENT_TEXTS, to: ['DEBIT', 'TRF OUT', 'LASTSCHRIFT'] },
];
