/** The example handbook's content and settings, for the tests of what the example ships. */
import path from 'node:path';
import { checkerSettings, loadProjectConfig } from '../../../../packages/charter/src/lib/project-config.ts';

export const exampleRoot = path.resolve(import.meta.dirname, '../..');
export const exampleContent = path.join(exampleRoot, 'src/content');
/** Its charter.config.mjs, read as `charter lint` reads it (it imports the built engine's config helper). */
export const exampleSettings = checkerSettings(await loadProjectConfig(exampleRoot));
