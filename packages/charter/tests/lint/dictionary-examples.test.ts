// The test handbook's glossary and phrases check themselves (see ../support/dictionary-suite.ts).
import { describeDictionaryExamples } from '../support/dictionary-suite.ts';
import { checkRule, handbookContent } from './support.ts';

describeDictionaryExamples(handbookContent, checkRule);
