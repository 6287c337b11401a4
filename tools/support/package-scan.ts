/**
 * Checks a packed npm package (the files `npm pack` put in its tarball) for what only an install
 * outside the monorepo would reveal: a relative import of a file the tarball lacks, a bare import of
 * a package its manifest does not declare (in the monorepo, hoisting resolves it anyway), a `.ts`
 * specifier or file that plain Node would refuse below node_modules, and `exports`/`bin` targets
 * that are missing. The scan is static, so it also sees imports on code paths no test runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export interface PackageManifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  exports?: unknown;
  bin?: string | Record<string, string>;
}

/** The packed files, by path inside the package (`dist/index.js`), with their text. */
export type PackedFiles = ReadonlyMap<string, string>;

export interface PackageProblem {
  file: string;
  kind: 'missing-file' | 'undeclared-dependency' | 'typescript-at-runtime' | 'missing-entry';
  message: string;
}

/** Where an import appears in a file, and what it asks for. */
export interface ImportSite {
  specifier: string;
  line: number;
}

// Module code the package runs: its compiled JavaScript and its Astro components (which Vite
// compiles in the adopter's build, resolving their imports from the package's folder).
const SCANNED = /\.(?:js|mjs|cjs|astro)$/;
const TS_SOURCE = /\.(?:ts|mts|cts|tsx)$/;
const DECLARATION = /\.d\.(?:ts|mts|cts)$/;

/**
 * Comments blanked out (newlines kept, so lines still count), so that an example in a doc comment is
 * not taken for an import. Strings are left alone; a `//` inside a string only hides what follows
 * it on that line, never invents an import.
 */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

const IMPORT_PATTERNS = [
  // import x from 'y', import { a } from 'y', export * from 'y', export { a } from 'y'
  /\b(?:import|export)\s+(?!type\b)(?:[\w*${},\s]+?)\s*from\s*(['"])([^'"\n]+)\1/g,
  // import 'y' (a side effect, such as a stylesheet), as a statement: at the start of a line or after
  // another statement, so words in a string ("Would import" : "…") are not taken for one
  /(?:^|[;}])[ \t]*import\s*(['"])([^'"\n]+)\1/gm,
  // import('y'), import.meta.resolve('y'), require('y'), require.resolve('y')
  /\b(?:import|import\.meta\.resolve|require|require\.resolve)\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

/** Every module specifier a file imports, with its line; type-only imports are left out. */
export function importsOf(text: string): ImportSite[] {
  const code = withoutComments(text);
  const sites = new Map<number, ImportSite>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2]!;
      const at = match.index + match[0].lastIndexOf(specifier);
      sites.set(at, { specifier, line: code.slice(0, at).split('\n').length });
    }
  }
  return [...sites.entries()].sort(([a], [b]) => a - b).map(([, site]) => site);
}

const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for what is not a package. */
export function packageOf(specifier: string): string | undefined {
  if (/^(?:\.{1,2}\/|\/|#|[a-z][a-z0-9+.-]*:)/i.test(specifier)) return undefined; // relative, absolute, subpath import, node:/virtual:/astro:
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? undefined : name;
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

/** The packed path a relative specifier in `file` points at (query and hash removed). */
export function resolveRelative(file: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.replace(/[?#].*$/, '')));
}

/** Everything wrong with the packed package, one problem per import or entry. */
export function scanPackage(manifest: PackageManifest, files: PackedFiles): PackageProblem[] {
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const problems: PackageProblem[] = [];
  for (const [file, text] of files) {
    if (TS_SOURCE.test(file) && !DECLARATION.test(file) && file.startsWith('dist/')) {
      problems.push({ file, kind: 'typescript-at-runtime', message: `${file} is TypeScript inside dist/; plain Node cannot run it below node_modules.` });
    }
    if (!SCANNED.test(file)) continue;
    for (const { specifier, line } of importsOf(text)) {
      const where = `${file}:${line}`;
      if (isRelative(specifier)) {
        const target = resolveRelative(file, specifier);
        if (TS_SOURCE.test(target) && !DECLARATION.test(target)) {
          problems.push({
            file,
            kind: 'typescript-at-runtime',
            message: `${where} imports "${specifier}", a TypeScript file; plain Node cannot run it below node_modules. Import the compiled .js.`,
          });
        } else if (!files.has(target)) {
          problems.push({
            file,
            kind: 'missing-file',
            message: `${where} imports "${specifier}", but ${target} is not in the package. Add it to "files" in package.json or to the build.`,
          });
        }
        continue;
      }
      const name = packageOf(specifier);
      if (name !== undefined && !declared.has(name)) {
        problems.push({
          file,
          kind: 'undeclared-dependency',
          message: `${where} imports "${specifier}", but ${name} is not in dependencies or peerDependencies of ${manifest.name}.`,
        });
      }
    }
  }
  for (const target of entryTargets(manifest)) {
    const found = target.includes('*') ? [...files.keys()].some((f) => wildcardMatch(target, f)) : files.has(target);
    if (!found) problems.push({ file: 'package.json', kind: 'missing-entry', message: `package.json names ./${target}, but the package has no such file.` });
  }
  return problems;
}

function wildcardMatch(pattern: string, file: string): boolean {
  const [before, after] = pattern.split('*') as [string, string];
  return file.startsWith(before) && file.endsWith(after) && file.length >= before.length + after.length;
}

/** Every file path that `exports` and `bin` name, without the leading `./`. */
export function entryTargets(manifest: PackageManifest): string[] {
  const targets: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  return [...new Set(targets)];
}

/** Reads an unpacked package folder (the `package/` of a tarball) into the scanner's input. */
export function readPackedFolder(dir: string): { manifest: PackageManifest; files: Map<string, string> } {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute).split(path.sep).join('/'), readFileSync(absolute, 'utf8'));
  }
  return { manifest: JSON.parse(files.get('package.json') ?? '{}') as PackageManifest, files };
}
