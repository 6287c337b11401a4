// The example's glossary and phrases check themselves (see the engine's tests/support/dictionary-suite.ts).
import path from 'node:path';
import { checkSource } from '../../../../packages/charter/src/lint/index.ts';
import { describeDictionaryExamples } from '../../../../packages/charter/tests/support/dictionary-suite.ts';
import { exampleContent, exampleRoot, exampleSettings } from './support.ts';

/** One rule's messages for a sentence, checked as a chapter of the example's current edition. */
const checkRule = async (ruleId: string, source: string) =>
  (
    await checkSource(source, path.join(exampleContent, 'editions/2026.1/reference/example.mdx'), {
      contentDir: exampleContent,
      root: exampleRoot,
      today: '2026-06-01',
      ...exampleSettings,
    })
  ).filter((m) => m.ruleId === ruleId);

describeDictionaryExamples(exampleContent, checkRule);
