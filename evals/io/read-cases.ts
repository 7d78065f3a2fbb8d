/**
 * Reads case files (JSON Lines, contract format) and validates every line
 * before any case is used. A bad file is refused whole, with every problem
 * named by file, line, case id and field, so nothing is scored half.
 */
import { readFile } from 'node:fs/promises';
import { AppError, type ErrorIssue } from '../../core/errors/app-error.ts';
import { evalCaseSchema, type EvalCase } from '../case-schema.ts';

/** Where a case came from: its file and line, for messages and for slicing by suite. */
export interface LoadedCase {
  readonly case: EvalCase;
  readonly file: string;
  readonly line: number;
}

const MAX_ISSUES = 50;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Parses the text of one JSONL file; throws `validation_failed` listing every bad line. */
export function parseCaseLines(text: string, file: string): LoadedCase[] {
  const out: LoadedCase[] = [];
  const issues: ErrorIssue[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      issues.push({ path: file, line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : undefined;
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: file, line, field: fieldPath(issue.path) || '(case)', message: `${id ? `case ${id}: ` : ''}${issue.message}` });
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier !== undefined) issues.push({ path: file, line, field: 'id', message: `case ${parsed.data.id} repeats the id of line ${earlier}` });
    seen.set(parsed.data.id, line);
    out.push({ case: parsed.data, file, line });
  });
  if (issues.length > 0) {
    const lines = new Set(issues.map((i) => i.line)).size;
    throw new AppError('validation_failed', `${file}: ${lines} invalid case line${lines === 1 ? '' : 's'}; nothing was scored`, { issues: issues.slice(0, MAX_ISSUES), details: { file, issues: issues.length } });
  }
  if (out.length === 0) throw new AppError('validation_failed', `${file}: no cases`, { issues: [{ path: file, message: 'the file holds no case lines' }] });
  return out;
}

/** Reads and validates several files; case ids must be unique across them too. */
export async function readCaseFiles(files: readonly string[]): Promise<LoadedCase[]> {
  const all: LoadedCase[] = [];
  const where = new Map<string, string>();
  const issues: ErrorIssue[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new AppError('validation_failed', `cannot read case file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    for (const c of parseCaseLines(text, file)) {
      const earlier = where.get(c.case.id);
      if (earlier) issues.push({ path: file, line: c.line, field: 'id', message: `case ${c.case.id} is also in ${earlier}` });
      where.set(c.case.id, `${file}:${c.line}`);
      all.push(c);
    }
  }
  if (issues.length > 0) throw new AppError('validation_failed', `case ids repeat across files`, { issues: issues.slice(0, MAX_ISSUES) });
  return all;
}
