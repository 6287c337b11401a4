import { describe, expect, it } from 'vitest';
import { entryTargets, importsOf, packageOf, scanPackage, withoutComments, type PackageManifest } from '../support/package-scan.ts';

const manifest: PackageManifest = {
  name: 'some-engine',
  dependencies: { yaml: '^2.0.0', '@scope/tool': '^1.0.0' },
  peerDependencies: { astro: '^7.0.0' },
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './routes/*': './dist/routes/*' },
  bin: { engine: './bin/engine.js' },
};

/** A package that passes, with `extra` files added or replaced. */
function packed(extra: Record<string, string> = {}): Map<string, string> {
  return new Map(
    Object.entries({
      'package.json': JSON.stringify(manifest),
      'bin/engine.js': "await import('../dist/index.js');\n",
      'dist/index.js':
        "import { parse } from 'yaml';\nimport { tool } from '@scope/tool/sub';\nimport fs from 'node:fs';\nimport path from 'path';\nexport * from './lib/a.js';\n",
      'dist/index.d.ts': "export * from './lib/a.ts';\n",
      'dist/lib/a.js': "import { defineConfig } from 'astro/config';\nimport config from 'virtual:some/config';\nexport const a = 1;\n",
      'dist/routes/page.astro':
        "---\nimport type { Props } from 'not-declared-but-types-only';\nimport Layout from '../layouts/Base.astro';\nimport { a } from '../lib/a.js';\nimport { getCollection } from 'astro:content';\n---\n<Layout />\n",
      'dist/layouts/Base.astro': '---\n---\n<slot />\n',
      ...extra,
    }),
  );
}

const kinds = (files: Map<string, string>) => scanPackage(manifest, files).map((p) => p.kind);

describe('the packed-package scan', () => {
  it('passes a package whose imports all resolve inside it or to declared packages', () => {
    expect(scanPackage(manifest, packed())).toEqual([]);
  });

  it('reports a relative import of a file the tarball lacks, with file and line', () => {
    const files = packed({ 'dist/lib/a.js': "export const a = 1;\nimport { b } from './b.js';\n" });
    const problems = scanPackage(manifest, files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'dist/lib/a.js', kind: 'missing-file' });
    expect(problems[0]!.message).toContain('dist/lib/a.js:2');
    expect(problems[0]!.message).toContain('dist/lib/b.js');
  });

  it('reports a missing component imported by an .astro file', () => {
    const files = packed();
    files.delete('dist/layouts/Base.astro');
    expect(kinds(files)).toEqual(['missing-file']);
  });

  it('reports a bare import of a package the manifest does not declare, even a dynamic one', () => {
    const files = packed({ 'dist/lib/c.js': "const m = await import('hoisted-only');\nexport const url = import.meta.resolve('@other/pkg/data.js');\n" });
    const problems = scanPackage(manifest, files);
    expect(problems.map((p) => p.kind)).toEqual(['undeclared-dependency', 'undeclared-dependency']);
    expect(problems[0]!.message).toContain('hoisted-only is not in dependencies');
    expect(problems[1]!.message).toContain('@other/pkg is not in dependencies');
  });

  it('reports an undeclared package in an .astro component but not a type-only import', () => {
    const files = packed({ 'dist/routes/other.astro': "---\nimport type { X } from 'types-only';\nimport { slug } from 'github-slugger';\n---\n" });
    const problems = scanPackage(manifest, files);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('github-slugger');
  });

  it('reports a .ts import specifier and a .ts file in dist, which plain Node will not run below node_modules', () => {
    const files = packed({ 'dist/lib/a.js': "import { b } from './b.ts';\nexport const a = 1;\n", 'dist/lib/b.ts': 'export const b = 1;\n' });
    expect(kinds(files).sort()).toEqual(['typescript-at-runtime', 'typescript-at-runtime']);
  });

  it('leaves .ts files outside dist alone: the engine ships rule sources to read as text', () => {
    expect(scanPackage(manifest, packed({ 'src/lint/rules/x.ts': "import { y } from './y.ts';\n" }))).toEqual([]);
  });

  it('reports an exports or bin target the tarball lacks, and a wildcard export that matches nothing', () => {
    const files = packed();
    files.delete('bin/engine.js');
    files.delete('dist/routes/page.astro');
    const messages = scanPackage(manifest, files).map((p) => p.message);
    expect(messages).toContain('package.json names ./bin/engine.js, but the package has no such file.');
    expect(messages).toContain('package.json names ./dist/routes/*, but the package has no such file.');
  });

  it('ignores imports shown in comments', () => {
    const text =
      "/**\n * @example\n *   import x from 'in-a-doc-comment';\n */\n// import y from 'in-a-line-comment';\nconst url = 'https://example.com/x'; import z from 'real';\n";
    expect(importsOf(text)).toEqual([{ specifier: 'real', line: 6 }]);
    expect(withoutComments(text).split('\n')).toHaveLength(text.split('\n').length);
  });

  it('finds side-effect imports as statements, not the word in a string', () => {
    const text = "import './style.css';\nconst a = 1; import 'after-a-statement';\nconst label = dry ? 'Would import' : 'Imported';\n";
    expect(importsOf(text).map((i) => i.specifier)).toEqual(['./style.css', 'after-a-statement']);
  });
});

describe('the specifier helpers', () => {
  it('name the package a bare specifier belongs to, and nothing for builtins, relative and virtual modules', () => {
    expect(packageOf('yaml')).toBe('yaml');
    expect(packageOf('astro/config')).toBe('astro');
    expect(packageOf('@astrojs/mdx/server.js')).toBe('@astrojs/mdx');
    for (const notAPackage of ['node:fs', 'fs', 'path/posix', './a.js', '../b.js', '/abs.js', '#internal', 'astro:content', 'virtual:charter/config']) {
      expect(packageOf(notAPackage), notAPackage).toBeUndefined();
    }
  });

  it('list every file exports and bin name', () => {
    expect(entryTargets(manifest).sort()).toEqual(['bin/engine.js', 'dist/index.d.ts', 'dist/index.js', 'dist/routes/*']);
    expect(entryTargets({ name: 'x', bin: './cli.js', exports: './main.js' })).toEqual(['main.js', 'cli.js']);
  });
});
