/**
 * The structural half of the camt parser: the XML handler that follows the
 * element tree, recognises statements, balances, entries and transaction
 * details, and collects each one's fields into bags by path. What the fields
 * mean is left to the sink (`CamtParser`), called when an entry or a
 * statement ends. It is the tokenizer's handler itself, with no closure in
 * between, since it runs for every element of the file.
 */
import type { Decimal } from '../../money/decimal.ts';
import type { ParsedEntry } from '../parsed-statement.ts';
import { NO_ATTRIBUTES, type XmlHandler } from '../xml/xml-stream.ts';
import { FieldBag, PathTrie, type PathNode } from './camt-collector.ts';

export const MESSAGES: Readonly<Record<string, string>> = { BkToCstmrStmt: 'Stmt', BkToCstmrAcctRpt: 'Rpt', BkToCstmrDbtCdtNtfctn: 'Ntfctn' };

/** Text that is only XML whitespace: indentation between elements, never a value. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** Statement-level state while its entries stream past. */
export interface StatementDraft {
  bag: FieldBag;
  balances: FieldBag[];
  entries: ParsedEntry[];
  index: number;
  line: number;
  /** `Document/BkToCstmrStmt/Stmt[2]`: the statement's own path. */
  path: string;
  /** `Document/BkToCstmrStmt/Stmt[2]/`: what entry paths start with. */
  entryPrefix: string;
  entryCount: number;
  skippedPending: number;
  /** Streamed-out movements per currency, for the balance check. */
  streamed: Map<string, Decimal>;
}

export interface CamtSink {
  /** An entry ended; its fields are in the reader's entry and transaction bags until the sink returns. */
  entry(statement: StatementDraft): void;
  statement(statement: StatementDraft): void;
}

export class CamtReader implements XmlHandler {
  /** Local names of the open elements, and each one's path node within its context (statement, balance, entry, transaction). */
  private readonly names: string[] = [];
  private readonly nodes: (PathNode | undefined)[] = [];
  /** Per depth, the previous sibling's node under the current parent: where the next child is predicted from. */
  private readonly after: (PathNode | undefined)[] = [];
  private depth = 0;
  private lastText = '';
  /** The open contexts, innermost last; the innermost is also kept in `bag` and `bagDepth`. */
  private readonly bags: FieldBag[] = [];
  private readonly bagDepths: number[] = [];
  private bag: FieldBag | undefined;
  private bagDepth = 0;
  readonly statementTrie = new PathTrie();
  private readonly balanceTrie = new PathTrie();
  /** One entry and its transaction details are read at a time, so their bags are reused. */
  readonly entryBag = new FieldBag(new PathTrie());
  readonly txBags: FieldBag[] = [];
  readonly txTrie = new PathTrie();
  txCount = 0;
  entryLine = 0;
  private inEntry = false;
  statement: StatementDraft | undefined;
  message: string | undefined;
  messageCreated: string | undefined;
  statementCount = 0;
  /** Depth of `Document`: 1 normally, deeper inside a SWIFT business envelope. */
  private documentDepth = 0;

  constructor(private readonly sink: CamtSink) {}

  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    const depth = ++this.depth;
    this.names[depth - 1] = name;
    if (name === 'Document' && this.documentDepth === 0) this.documentDepth = depth;
    const d = depth - this.documentDepth;
    if (d <= 3 || d === 5) this.openContext(name, d, depth, line);
    const bag = this.bag;
    if (bag !== undefined && depth > this.bagDepth) {
      const node = this.nodes[depth - 2]!.child(name, this.after[depth - 1]);
      this.after[depth - 1] = node;
      this.after[depth] = undefined;
      this.nodes[depth - 1] = node;
      bag.open(node);
      if (attributes !== NO_ATTRIBUTES) for (const key in attributes) bag.set(node.attribute(key), attributes[key]!);
    }
  }

  text(text: string): void {
    const depth = this.depth;
    if (this.message && this.names[depth - 1] === 'CreDtTm' && this.names[depth - 2] === 'GrpHdr') this.messageCreated = (this.messageCreated ?? '') + text;
    const bag = this.bag;
    if (bag === undefined || depth <= this.bagDepth) return;
    const node = this.nodes[depth - 1]!;
    // Indentation before a first value would be trimmed anyway; skipping it keeps parent elements out of the bag.
    if (text.charCodeAt(0) <= 32 && !bag.has(node) && isBlank(text)) return;
    // A value repeating the one just read (a value date equal to the booking date) is kept once.
    if (text === this.lastText) bag.append(node, this.lastText);
    else {
      if (text.length < 13) this.lastText = text;
      bag.append(node, text);
    }
  }

  close(name: string): void {
    const depth = this.depth;
    if (this.bag !== undefined && this.bagDepth === depth) {
      this.popContext();
      if (name === 'Ntry' && this.inEntry && this.statement) {
        this.inEntry = false;
        this.sink.entry(this.statement);
        this.clearEntry();
      } else if (this.statement && depth === this.documentDepth + 2) {
        const statement = this.statement;
        this.statement = undefined;
        this.sink.statement(statement);
      }
    }
    this.depth -= 1;
  }

  private clearEntry(): void {
    this.entryBag.clear();
    for (let i = 0; i < this.txCount; i++) this.txBags[i]!.clear();
    this.txCount = 0;
  }

  private pushContext(bag: FieldBag, depth: number): void {
    this.bags.push(bag);
    this.bagDepths.push(depth);
    this.bag = bag;
    this.bagDepth = depth;
    this.nodes[depth - 1] = bag.trie.root;
    this.after[depth] = undefined;
  }

  private popContext(): void {
    this.bags.pop();
    this.bagDepths.pop();
    const n = this.bags.length;
    this.bag = n > 0 ? this.bags[n - 1] : undefined;
    this.bagDepth = n > 0 ? this.bagDepths[n - 1]! : 0;
  }

  /** Starts a statement, balance, entry or transaction context when this element is one. */
  private openContext(name: string, d: number, depth: number, line: number): void {
    if (this.documentDepth > 0 && d === 1 && MESSAGES[name]) this.message = name;
    if (this.message && d === 2 && name === MESSAGES[this.message]) {
      this.statementCount += 1;
      const index = this.statementCount;
      const path = `${this.names.slice(0, depth - 1).join('/')}/${name}[${index}]`;
      const entryPrefix = `${this.names.slice(0, depth).join('/')}/`.replace(`/${name}/`, `/${name}[${index}]/`);
      this.statement = { bag: new FieldBag(this.statementTrie), balances: [], entries: [], index, line, path, entryPrefix, entryCount: 0, skippedPending: 0, streamed: new Map() };
      this.pushContext(this.statement.bag, depth);
    } else if (this.statement && d === 3 && name === 'Bal') {
      const bag = new FieldBag(this.balanceTrie);
      this.statement.balances.push(bag);
      this.pushContext(bag, depth);
    } else if (this.statement && d === 3 && name === 'Ntry') {
      this.statement.entryCount += 1;
      this.inEntry = true;
      this.entryLine = line;
      this.pushContext(this.entryBag, depth);
    } else if (this.inEntry && d === 5 && name === 'TxDtls' && this.names[depth - 2] === 'NtryDtls') {
      if (this.txCount === this.txBags.length) this.txBags.push(new FieldBag(this.txTrie));
      const bag = this.txBags[this.txCount++]!;
      this.pushContext(bag, depth);
    }
  }
}
