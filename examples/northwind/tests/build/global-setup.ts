/**
 * A folder for this run's build of the shipped example (see `shippedExampleBuild` in support.ts),
 * removed when the run ends. Several test files read the same build of the unchanged example; each
 * building it again cost ten seconds apiece.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    shippedExampleFolder: string;
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'charter-shipped-example-'));
  project.provide('shippedExampleFolder', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
