/**
 * Gives every `type: procedure` chapter exactly the six h2 sections, in order: When this applies,
 * Our standard, Steps, What to say, If something goes wrong, Checklist. "Steps" holds a `<Steps>`,
 * "What to say" at least one `<SayThis>`, "Checklist" a `<Checklist>`. The same holds for any kind
 * of chapter whose entry in vocabulary.yaml lists `sections`: its chapters have exactly those h2
 * sections, in that order (and a section with one of those three names, its component).
 *
 * Why: the customer should get the same service however they reach us, and staff find the same
 * part of every procedure in the same place.
 *
 * How: h2 headings are compared with the type's `sections` in the handbook's vocabulary (by
 * default src/lib/vocabulary.ts's, where only `procedure` has them), ignoring case, which
 * heading-style checks). Reported: a missing section (where it belongs), a section that is not one
 * of the six, a section out of order or twice, and a section without its component. h3 sections
 * inside them are free.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   ---
 *   type: procedure
 *   ---
 *
 *   ## When this applies
 *
 *   Every call.
 *
 *   ## Our standard
 *
 *   - We answer by the third ring.
 *
 *   ## Steps
 *
 *   <Steps>
 *
 *   1. Answer.
 *
 *   </Steps>
 *
 *   ## What to say
 *
 *   <SayThis>
 *
 *   Good morning.
 *
 *   </SayThis>
 *
 *   ## If something goes wrong
 *
 *   Call back.
 *
 *   ## Checklist
 *
 *   <Checklist>
 *
 *   - I answered.
 *
 *   </Checklist>
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   ---
 *   type: procedure
 *   ---
 *
 *   ## Our standard
 *
 *   - We answer by the third ring.
 *
 *   ## When this applies
 *
 *   Every call.
 *
 *   ## Steps
 *
 *   1. Answer.
 *
 *   ## Tips
 *
 *   Smile.
 *
 *   ## Checklist
 *
 *   <Checklist>
 *
 *   - I answered.
 *
 *   </Checklist>
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   9:1-9:21: Unexpected section "When this applies" after "Our standard", expected it before
 *   13:1-13:9: Unexpected "Steps" section without <Steps>, expected the steps inside <Steps>
 *   17:1-17:8: Unexpected section "Tips", expected only the six procedure sections
 *   21:1-21:13: Missing section "If something goes wrong", expected it before "Checklist"
 *   21:1-21:13: Missing section "What to say", expected it before "Checklist"
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sectionsOf as requiredSectionsOf } from '../../lib/vocabulary.ts';
import { contextOf } from '../file-context.ts';
import { readFrontmatter } from '../frontmatter.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';

/** The component each section must hold, and how the message names what belongs inside. */
const REQUIRED_COMPONENTS: Readonly<Record<string, { name: string; what: string }>> = {
  Steps: { name: 'Steps', what: 'the steps inside <Steps>' },
  'What to say': { name: 'SayThis', what: 'at least one <SayThis>' },
  Checklist: { name: 'Checklist', what: 'the checklist inside <Checklist>' },
};

interface Section {
  heading: Heading;
  name: string;
  /** Index in the required sections, or -1 for a section that is not one of them. */
  index: number;
  content: RootContent[];
}

/** The kind of chapter being checked and the h2 sections it must have, in order. */
interface Structure {
  type: string;
  required: readonly string[];
}

const procedureStructure = lintRule<Root>({ origin: 'handbook:procedure-structure' }, (tree, file) => {
  const type = readFrontmatter(tree, String(file.value)).data?.['type'];
  const required = typeof type === 'string' ? requiredSectionsOf(contextOf(file).handbook.vocabulary, type) : undefined;
  if (!required) return;
  const structure = { type, required } as Structure;
  const sections = sectionsOf(tree, structure);
  checkKnownAndOrdered(sections, file, structure);
  checkMissing(sections, tree, file, structure);
  checkComponents(sections, file, structure);
});

export default procedureStructure;

/** The h2 sections of the chapter with the top-level content up to the next h2. */
function sectionsOf(tree: Root, { required }: Structure): Section[] {
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const name = toString(node).trim();
      const index = required.findIndex((expected) => expected.toLowerCase() === name.toLowerCase());
      sections.push({ heading: node, name, index, content: [] });
    } else {
      sections.at(-1)?.content.push(node);
    }
  }
  return sections;
}

function checkKnownAndOrdered(sections: readonly Section[], file: VFile, { type, required }: Structure): void {
  const seen = new Set<number>();
  let latest: Section | undefined;
  for (const section of sections) {
    const place = section.heading.position;
    if (section.index < 0) {
      file.message(`Unexpected section "${section.name}", expected only the ${countWord(required.length)} ${type} sections`, { place }).note =
        `${article(type)} ${type} has exactly these h2 sections, in order: ${required.join(', ')}. Use an h3 for a part inside one of them.`;
      continue;
    }
    if (seen.has(section.index)) {
      file.message(`Unexpected second "${section.name}" section, expected each section once`, { place });
      continue;
    }
    if (latest && section.index < latest.index) {
      file.message(`Unexpected section "${section.name}" after "${latest.name}", expected it before`, { place });
    }
    seen.add(section.index);
    if (!latest || section.index > latest.index) latest = section;
  }
}

/** Reports each missing section at the heading it should come before (or the end of the chapter). */
function checkMissing(sections: readonly Section[], tree: Root, file: VFile, { required }: Structure): void {
  const present = new Set(sections.map((section) => section.index));
  required.forEach((name, index) => {
    if (present.has(index)) return;
    const next = sections.find((section) => section.index > index);
    const where = next ? `before "${next.name}"` : 'at the end of the chapter';
    const place = next?.heading.position ?? endOf(tree);
    file.message(`Missing section "${name}", expected it ${where}`, { place });
  });
}

function checkComponents(sections: readonly Section[], file: VFile, structure: Structure): void {
  for (const section of sections) {
    const required = section.index >= 0 ? REQUIRED_COMPONENTS[structure.required[section.index]!] : undefined;
    if (!required || section.content.some((node) => contains(node, required.name))) continue;
    file.message(`Unexpected "${section.name}" section without <${required.name}>, expected ${required.what}`, {
      place: section.heading.position,
    });
  }
}

function contains(node: RootContent, componentName: string): boolean {
  let found = false;
  visit(node, (child) => {
    if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === componentName) found = true;
  });
  return found;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "six" for 6, as a sentence reads it; digits past twelve. */
function countWord(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}

/** "A procedure", "An incident". */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}

function endOf(tree: Root) {
  const end = tree.position?.end;
  return end ? { line: end.line, column: end.column } : undefined;
}
