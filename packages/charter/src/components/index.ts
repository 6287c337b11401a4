/**
 * The components chapters may use without an import line. Adding one here makes it available to
 * every chapter; the checker's MDX safety rule allows exactly these names.
 */
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import Creed from './Creed.astro';
import CreedStatement from './CreedStatement.astro';
import GlossaryList from './GlossaryList.astro';
import HouseStyle from './HouseStyle.astro';
import PhrasesToAvoid from './PhrasesToAvoid.astro';
import SayThis from './SayThis.astro';
import Standard from './Standard.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import TouchpointBadge from './TouchpointBadge.astro';

export const authorComponents = {
  Callout,
  Checklist,
  Creed,
  CreedStatement,
  GlossaryList,
  HouseStyle,
  PhrasesToAvoid,
  SayThis,
  Standard,
  Steps,
  Term,
  TouchpointBadge,
};

export type AuthorComponentName = keyof typeof authorComponents;
