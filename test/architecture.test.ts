/**
 * Enforces the dependency table of DESIGN §1 (which folder may import which,
 * and which packages the pure and browser folders may use) and forbids import
 * cycles. The table is also written out in docs/ARCHITECTURE.md.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, readImportGraph, type ImportEdge } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['core', 'db', 'prompts', 'agents', 'worker', 'api', 'web', 'evals', 'monitoring', 'cli', 'bench', 'test'] as const;
type Folder = (typeof FOLDERS)[number];

/** Which project folders each folder's code may import (itself always allowed). */
const ALLOWED: Readonly<Record<Folder, readonly Folder[]>> = {
  core: [],
  monitoring: [],
  db: ['core'],
  prompts: ['core'],
  agents: ['core', 'prompts', 'monitoring'],
  worker: ['core', 'db', 'agents', 'monitoring'],
  api: ['core', 'db', 'monitoring'],
  // The browser app sees the API's types only, and core's browser-safe parts.
  web: ['core', 'api'],
  evals: ['core', 'agents', 'db', 'prompts', 'monitoring'],
  // Entry points wire every adapter together.
  cli: ['core', 'db', 'prompts', 'agents', 'worker', 'api', 'evals', 'monitoring'],
  // Benchmarks drive the real code paths like an entry point does, against the test harness's fake LLM server.
  bench: ['core', 'db', 'prompts', 'agents', 'worker', 'api', 'evals', 'monitoring', 'cli', 'test'],
  test: ['core', 'db', 'prompts', 'agents', 'worker', 'api', 'web', 'evals', 'monitoring', 'cli', 'bench'],
};

/** npm packages the strict folders may import (node: builtins are listed explicitly). */
const PACKAGES: Partial<Record<Folder, readonly string[]>> = {
  core: ['zod'],
  monitoring: ['pino', 'pino-pretty', 'prom-client', 'node:stream', 'node:http'],
  prompts: ['zod'],
};
const TEST_PACKAGES = ['vitest', 'fast-check', 'node:fs', 'node:path', 'node:url', 'node:stream', 'node:os', 'node:crypto', 'node:zlib'];

const folderOf = (path: string): Folder | undefined => FOLDERS.find((f) => path === f || path.startsWith(`${f}/`));
const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file);
const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.startsWith('node:') ? specifier : specifier.split('/')[0]!;

const graph = readImportGraph(ROOT, FOLDERS);

function violations(check: (edge: ImportEdge, from: Folder) => string | undefined): string[] {
  const out: string[] = [];
  for (const edge of graph.edges) {
    const from = folderOf(edge.from);
    if (!from) continue;
    const problem = check(edge, from);
    if (problem) out.push(`${edge.from} imports "${edge.specifier}": ${problem}`);
  }
  return out;
}

describe('architecture', () => {
  it('reads the sources (the check is not vacuous)', () => {
    expect(graph.files.length).toBeGreaterThan(20);
    expect(graph.edges.some((e) => e.target?.startsWith('core/'))).toBe(true);
  });

  it('follows the dependency table between folders', () => {
    const found = violations((edge, from) => {
      if (!edge.target) return undefined;
      const to = folderOf(edge.target);
      if (!to) return edge.target.startsWith('package.json') ? undefined : `outside the source folders (${edge.target})`;
      if (to === from) return undefined;
      if (to === 'test' && isTest(edge.from)) return undefined;
      if (!ALLOWED[from].includes(to)) return `${from}/ may not import ${to}/`;
      if (from === 'web' && to === 'api' && !edge.typeOnly) return 'web/ may import only types from api/';
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it('keeps core, prompts and monitoring to their allowed packages', () => {
    const found = violations((edge, from) => {
      if (edge.target) return undefined;
      const allowed = PACKAGES[from];
      if (!allowed) return undefined;
      const name = packageName(edge.specifier);
      if (allowed.includes(name) || (isTest(edge.from) && TEST_PACKAGES.includes(name))) return undefined;
      return `${from}/ may use only ${allowed.join(', ')}`;
    });
    expect(found).toEqual([]);
  });

  it('keeps Node built-ins out of the browser app', () => {
    const found = violations((edge, from) => {
      if (from !== 'web' || edge.target || isTest(edge.from) || edge.from === 'web/vite.config.ts') return undefined;
      return edge.specifier.startsWith('node:') ? 'the browser has no Node built-ins' : undefined;
    });
    expect(found).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(findCycles(graph.files, graph.edges)).toEqual([]);
  });

  it('detects a cycle and a forbidden import when there is one', () => {
    const edges: ImportEdge[] = [
      { from: 'core/a.ts', specifier: './b.ts', target: 'core/b.ts', typeOnly: false },
      { from: 'core/b.ts', specifier: './a.ts', target: 'core/a.ts', typeOnly: true },
    ];
    expect(findCycles(['core/a.ts', 'core/b.ts', 'core/c.ts'], edges)).toEqual([['core/a.ts', 'core/b.ts']]);
    expect(ALLOWED.core.includes('db')).toBe(false);
  });
});
