import { DEFAULT_VOCABULARY, idsOf, vocabularyNote, type Vocabulary } from '../lib/vocabulary.ts';

/**
 * The component names chapters may use. This list mirrors `authorComponents` in
 * src/components/index.ts (a test compares the two); it is kept apart so the checker never has to
 * import `.astro` files, which plain Node cannot load.
 */
export const ALLOWED_COMPONENTS = [
  'Callout',
  'Checklist',
  'Creed',
  'CreedStatement',
  'GlossaryList',
  'HouseStyle',
  'PhrasesToAvoid',
  'SayThis',
  'Standard',
  'Steps',
  'Term',
  'TouchpointBadge',
] as const;

export type AllowedComponent = (typeof ALLOWED_COMPONENTS)[number];

/**
 * The props each component accepts, as its `Props` interface declares them (a test compares the
 * two). The safety gate refuses any other attribute on a component, so an Astro directive such as
 * `set:html` or `client:load` cannot reach one.
 */
export const COMPONENT_PROPS: Readonly<Record<AllowedComponent, readonly string[]>> = {
  Callout: ['type', 'title'],
  Checklist: ['title'],
  Creed: ['label'],
  CreedStatement: ['closing'],
  GlossaryList: [],
  HouseStyle: [],
  PhrasesToAvoid: [],
  SayThis: ['context'],
  // `edition` is the compiler's to set (integration/chapter-standards.ts), so a chapter may not write it.
  Standard: ['id', 'value'],
  Steps: [],
  Term: ['id'],
  TouchpointBadge: ['touchpoint'],
};

/** Component props whose values are prose readers see, checked like running text. */
export const PROSE_PROPS: Readonly<Record<string, readonly string[]>> = {
  Callout: ['title'],
  Checklist: ['title'],
  Creed: ['label'],
  SayThis: ['context'],
};

/** The values a prop accepts, and what a message adds after them (where they are defined). */
export interface PropChoices {
  values: readonly string[];
  note: string;
}

export type ComponentPropValues = Readonly<Partial<Record<AllowedComponent, Readonly<Record<string, PropChoices>>>>>;

/**
 * Props whose value must be one of a list: the component refuses anything else when the page is
 * built, so the gate (and with it the checker) refuses it first, at the prop. TouchpointBadge
 * takes the handbook's touchpoints, so the lists depend on its vocabulary.
 */
export function componentPropValues(vocabulary: Vocabulary): ComponentPropValues {
  return {
    Callout: { type: { values: ['note', 'do', 'dont'], note: '' } },
    TouchpointBadge: { touchpoint: { values: idsOf(vocabulary, 'touchpoints'), note: vocabularyNote(vocabulary, 'touchpoints') } },
  };
}

/** The lists of a handbook without a vocabulary.yaml. */
export const COMPONENT_PROP_VALUES: ComponentPropValues = componentPropValues(DEFAULT_VOCABULARY);
