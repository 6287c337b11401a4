/**
 * Builds into a folder beside the output folder and moves it into place only when the whole build
 * has succeeded, search index and headers included. A build that fails leaves the last good site
 * exactly as it was: a server may be serving it, and half a site (only `_astro/`, say) is worse
 * than yesterday's. Only `astro build` is redirected; `astro preview` and `astro dev` keep the
 * configured folder.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folders a build uses beside the output folder: where it builds, and where the old site waits. */
export function stagingFolders(outDir: string): { staging: string; previous: string } {
  const base = outDir.replace(/[\\/]+$/, '');
  return { staging: `${base}.next`, previous: `${base}.previous` };
}

/** Puts the finished build in place of the old one, which is removed once the new one is there. */
export function swapIntoPlace(staging: string, target: string, previous: string): void {
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

// Must come after every integration that writes into the output folder when the build is done
// (the search index, the headers), so that it moves the complete site.
export function safeOutputIntegration(): AstroIntegration {
  let target: string | undefined;
  return {
    name: 'charter:safe-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        const { staging } = stagingFolders(target);
        // What a failed build left behind is of no use.
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': ({ dir }) => {
        if (!target) return;
        const { previous } = stagingFolders(target);
        swapIntoPlace(fileURLToPath(dir).replace(/[\\/]+$/, ''), target, previous);
      },
    },
  };
}
