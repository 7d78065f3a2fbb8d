/**
 * Reads every TypeScript source of the repository into an import graph with
 * the TypeScript parser, so boundary and cycle checks see exactly what the
 * compiler sees (including `import type` and dynamic `import()`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  /** Repository-relative target for relative imports; undefined for packages. */
  readonly target: string | undefined;
  readonly typeOnly: boolean;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.data', '.git', 'coverage', 'migrations']);

function listSources(root: string, dir: string, out: string[]): void {
  for (const name of readdirSync(join(root, dir))) {
    if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) listSources(root, path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path.split(sep).join('/'));
  }
}

function collect(source: ts.SourceFile): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: allTypes });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function readImportGraph(root: string, folders: readonly string[]): { files: string[]; edges: ImportEdge[] } {
  const files: string[] = [];
  for (const folder of folders) {
    try {
      listSources(root, folder, files);
    } catch {
      // A folder that does not exist yet has no imports to check.
    }
  }
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    for (const { specifier, typeOnly } of collect(source)) {
      const target = specifier.startsWith('.')
        ? relative(root, resolve(root, dirname(file), specifier)).split(sep).join('/')
        : undefined;
      edges.push({ from: file, specifier, target, typeOnly });
    }
  }
  return { files, edges };
}

/** Strongly connected components with more than one file, or a file importing itself. */
export function findCycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const adjacency = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (e.target && adjacency.has(e.target)) adjacency.get(e.from)?.push(e.target);
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const strongConnect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of adjacency.get(v) ?? []) {
      if (!indices.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (adjacency.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const f of files) if (!indices.has(f)) strongConnect(f);
  return cycles;
}
