/**
 * Problems found in an input file, each saying where (line or XML path or
 * entry number), which field, and what was expected. Errors are collected up
 * to a limit, so one pass reports many problems at once.
 */
import { AppError, type ErrorIssue } from '../errors/app-error.ts';

export interface ImportIssue {
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  /** XML element path, e.g. `Document/BkToCstmrStmt/Stmt[2]/Ntry[14]/Amt`. */
  readonly path?: string;
  readonly field?: string;
  /** The statement it belongs to, when the file has several. */
  readonly statement?: string;
}

export const DEFAULT_ERROR_LIMIT = 100;

/** "line 14, field :61: amount: "12,3A" is not a number" */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.line !== undefined ? `line ${issue.line}` : undefined, issue.path ? `at ${issue.path}` : undefined, issue.field ? `field ${issue.field}` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private dropped = 0;

  constructor(private readonly limit = DEFAULT_ERROR_LIMIT) {}

  error(issue: ImportIssue): void {
    if (this.errors.length < this.limit) this.errors.push(issue);
    else this.dropped += 1;
  }

  warn(issue: ImportIssue): void {
    if (this.warnings.length < this.limit) this.warnings.push(issue);
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Errors plus a closing note when some were cut off at the limit. */
  allErrors(): ImportIssue[] {
    return this.dropped > 0
      ? [...this.errors, { code: 'too_many_errors', message: `${this.dropped} more error(s) not shown (limit ${this.limit})` }]
      : [...this.errors];
  }
}

/** The AppError an import fails with: the file name and every issue. */
export function importFailed(fileName: string, issues: readonly ImportIssue[]): AppError {
  const errorIssues: ErrorIssue[] = issues.map((i) => ({
    ...(i.path !== undefined ? { path: i.path } : {}),
    ...(i.line !== undefined ? { line: i.line } : {}),
    ...(i.field !== undefined ? { field: i.field } : {}),
    message: i.message,
  }));
  const first = issues[0] ? ` — ${formatIssue(issues[0])}` : '';
  return new AppError('parse_failed', `${fileName}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, nothing was imported${first}`, {
    issues: errorIssues,
    details: { fileName },
  });
}
