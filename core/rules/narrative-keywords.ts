/**
 * Keyword families over folded narratives (see `narrative-text.ts`), in the
 * languages bank statements are written in: English, German, French, Spanish,
 * Dutch and Italian (and the common Portuguese and Polish fee and interest
 * words), with banks' short codes such as "CHGS". Each family is one regular expression compiled once at
 * load; a record's narrative is tested once per family and the result kept
 * as a bit set, so no rule ever compiles or re-runs a pattern per break.
 *
 * German compounds ("Kontoführungsgebühr", "Habenzinsen", "Rücklastschrift")
 * are matched as stems without word boundaries; short English words ("fee",
 * "charge") need boundaries so that "chargeback" or "coffee" do not count.
 * Umlauts arrive either as "ü" (folded to "u") or written out as "ue", so
 * stems allow both.
 */

export const KEYWORD_FAMILIES = [
  'fee',
  'custody',
  'commission',
  'interest',
  'interestDebit',
  'interestCredit',
  'returned',
  'chargeback',
  'cardSettlement',
  'discount',
  'salary',
  'ownTransfer',
  'directDebit',
  'cheque',
  'withholding',
  'income',
  'accrued',
  'corporateAction',
  'split',
  'fx',
  'spread',
  'partial',
  'batch',
  'holiday',
  'erroneous',
  'paymentOrder',
] as const;
export type KeywordFamily = (typeof KEYWORD_FAMILIES)[number];

const PATTERNS: Readonly<Record<KeywordFamily, RegExp>> = {
  fee: /\b(fees?|charges?|service charge|maintenance|bank charges?|account fee|overdraft fee)\b|geb(u|ue)hr|entgelt|kontof(u|ue)hrung|\bspesen\b|\bprovision\b|\bfrais\b|\bcommissions? (sur|de|bancaire)|tenue de compte|\bcotisation|comisi(o|on)|\bgastos\b|mantenimiento|bankkosten|servicekosten|transactiekosten|\bkosten\b|\bprovisie\b|commission[ei]|\bspese\b|\bcanone\b|\bchgs?\b|\btarifas?\b|manutencao|\boplata\b/,
  custody: /\bcustody\b|safekeeping|\bdepot ?geb|depotentgelt|verwahr|droits? de garde|frais de garde|\bcustodia\b|bewaarloon|bewaarkosten/,
  commission: /\bcommissions?\b|brokerage|\bbroker\b|courtage|makler|corretaje|\bprovision\b|commissione di negoziazione|\bprovisie\b|transaction charge/,
  interest: /\binterest\b|zins|\binter(e|ee)ts?\b|\bintereses?\b|\brente\b|creditrente|debetrente|rentebijschrijving|\binteressi\b|\bagios?\b|\bjuros\b|\bint\.? ?(cr|dr)\b/,
  interestDebit: /sollzins|\bsoll\b|debit interest|overdraft interest|interest charged|\binter(e|ee)ts? debiteurs?|intereses? deudor|debetrente|interessi passivi|\bagios?\b|uberziehung|ueberziehung|\bint\.? ?dr\b/,
  interestCredit: /habenzins|\bhaben\b|credit interest|interest credit|\binter(e|ee)ts? crediteurs?|intereses? a favor|creditrente|interessi attivi|zinsgutschrift|\bint\.? ?cr\b/,
  returned: /\breturn(ed)?\b|\breturn item|\br0[1-9]\b|\br[1-9][0-9]\b|\bnsf\b|insufficient funds|\bunpaid\b|\bbounced?\b|r(u|ue)cklastschrift|r(u|ue)ckbuchung|r(u|ue)ck(u|ue)berweisung|mangelnde deckung|\bretour\b|\brejet|\bimpayes?\b|devoluci(o|on)|devuelt|rechaz|\bstorno\b|terugboeking|retourboeking|stornering|\binsolut|\brevers(al|ed)\b/,
  chargeback: /charge ?back|r(u|ue)ckbelastung|contracargo|contestation carte|terugvordering|storno carta|disputed? card/,
  cardSettlement: /card settlement|merchant settlement|kartenums(a|ae)tz|kartenabrechnung|remise (cb|carte)|\btpe\b|\btpv\b|liquidaci(o|on) tarjeta|\bstripe\b|\badyen\b|\bsumup\b|\bpaypal\b|\bworldpay\b|\bklarna\b|\bmollie\b|\bnexi\b|\bpayone\b|concardis|\belavon\b|\bacquir(er|ing)\b|pin ?afrekening|incasso carte/,
  discount: /\bdiscount\b|\bskonto\b|\bescompte\b|\bdescuento\b|pronto pago|\bkorting\b|\bsconto\b|early payment/,
  salary: /\bsalar(y|ies|io|is|ios)\b|\bpayroll\b|\bwages?\b|\bgehalt|\blohn|bez(u|ue)ge|\bsalaire|\bpaie\b|\bnomina\b|\bstipendi|\bloon\b/,
  ownTransfer: /own account|internal transfer|account transfer|\bsweep\b|umbuchung|(u|ue)bertrag|eigen(e|er|es)? konto|virement interne|compte a compte|\btraspaso\b|transferencia interna|eigen rekening|giroconto/,
  directDebit: /direct debit|\bdd\b|lastschrift|\beinzug\b|prelevement|domiciliaci(o|on)|\badeudo\b|\brecibo\b|\bincasso\b|\bmachtiging\b|\baddebito\b|\bsdd\b|\bach debit\b/,
  cheque: /\bcheques?\b|\bchecks?\b|\bscheck|\bassegn[oi]\b/,
  withholding: /withholding|\bwht\b|quellensteuer|kapitalertrag ?steuer|\bkest\b|abgeltung ?s?steuer|retenue a la source|retenci(o|on)|ritenuta|bronbelasting|dividendbelasting|tax withheld/,
  income: /dividend|\bcoupon|\bkupon|zinsschein|\bcedola|\bcupon|\bertrag(s)?gutschrift|\bincome\b|\baccrued\b|st(u|ue)ckzins/,
  accrued: /\baccrued\b|\baccrual\b|st(u|ue)ckzins|interets courus|intereses corridos|\brateo\b|opgelopen rente|\b(act|30)\/(360|365)\b|day count/,
  corporateAction: /corporate action|\bmerger\b|\bfusion\b|spin ?off|abspaltung|\bscission|escisi(o|on)|scissione|\bbonus (issue|shares)|rights issue|bezugsrecht|kapitalerh(o|oe)hung|kapitalma(ss|s)nahme|\bscrip\b|\bconsolidation\b|regroupement|\bspaltung/,
  split: /\bsplit\b|aktiensplit|aktienteilung|fractionnement|division (du )?nominal|desdoblamiento|frazionamento|splitsing|reverse split/,
  fx: /\bfx\b|forex|exchange rate|wechselkurs|devisen|umrechnung|taux de change|\bchange\b|tipo de cambio|\bcambio\b|wisselkoers|\bkoers\b/,
  spread: /\bspread\b|\bmargin\b|\bmarge\b|aufschlag|\bmargen\b|ricarico|\bopslag\b/,
  partial: /\bpartial\b|teilzahlung|teilbetrag|\bacompte\b|paiement partiel|pago parcial|abono parcial|deelbetaling|pagamento parziale|\binstal?lments?\b|\brate [0-9]|\brata\b|\bplazo\b|\btermijn\b|\b[0-9]\/[0-9]\b/,
  batch: /\bbatch\b|sammel|sammler|\blote\b|bordereau|remise de cheques|verzamel|\bdistinta\b|\bbulk\b|\bcollective\b/,
  holiday: /\bholiday\b|feiertag|\bferie\b|\bfestivo\b|feestdag|jour ferie|market closed/,
  erroneous: /\berror\b|\berroneous\b|\bmistake\b|\bwrong\b|\btest\b|korrektur|fehlbuchung|\bfalsch|\berreur\b|\berror(e|i)?\b|\bfout\b|correction/,
  paymentOrder: /payment order|standing order|zahlungsauftrag|dauerauftrag|ordre de virement|orden de pago|betaalopdracht|ordine di pagamento|\bbonifico\b/,
};

const COMPILED = KEYWORD_FAMILIES.map((family) => PATTERNS[family]);

/** Bit of a family in a flag set. */
export const FLAG: Readonly<Record<KeywordFamily, number>> = Object.fromEntries(KEYWORD_FAMILIES.map((family, i) => [family, 1 << i])) as Record<KeywordFamily, number>;

/** The families a folded narrative mentions, as a bit set (one test per family). */
export function keywordFlags(folded: string): number {
  if (folded === '') return 0;
  let flags = 0;
  for (let i = 0; i < COMPILED.length; i++) if (COMPILED[i]!.test(folded)) flags |= 1 << i;
  return flags;
}

export function hasFamily(flags: number, family: KeywordFamily): boolean {
  return (flags & FLAG[family]) !== 0;
}

/** Names of the families in a flag set, for evidence ("keywords: fee, custody"). */
export function familyNames(flags: number): KeywordFamily[] {
  return KEYWORD_FAMILIES.filter((family) => hasFamily(flags, family));
}
