/** The quick-reference cards of every edition, for the cards' pages (lib/cards.ts makes each). */
import { loadHandbook, type Chapter, type EditionView } from './handbook.ts';
import { cardChapter, cardOf, type TouchpointCard } from '../lib/cards.ts';
import { chapterFormatOf } from '../lib/chapter-files.ts';
import { handbookVocabulary } from '../lib/handbook-vocabulary.ts';
import type { EditionStandard } from '../lib/standards.ts';

export interface CardPage {
  view: EditionView;
  touchpoint: { id: string; label: string };
  standards: EditionStandard[];
  chapter: Chapter | undefined;
  card: TouchpointCard | undefined;
}

/** Each edition's cards: one per touchpoint that has a procedure chapter or a standard, in the vocabulary's order. */
export async function cardPages(): Promise<CardPage[]> {
  const handbook = await loadHandbook();
  return handbook.editions.flatMap((edition) => {
    const view = handbook.views.get(edition.id)!;
    const all = handbook.standardsOf(edition.id);
    return handbookVocabulary.touchpoints.flatMap((touchpoint): CardPage[] => {
      const standards = all.filter((s) => s.touchpoint === touchpoint.id);
      const chapter = cardChapter(view.ordered, touchpoint.id, all);
      if (!chapter && standards.length === 0) return [];
      const card = chapter ? cardOf(chapter.entry.body ?? '', chapterFormatOf(chapter.file), all) : undefined;
      return [{ view, touchpoint: { id: touchpoint.id, label: touchpoint.label }, standards, chapter, card }];
    });
  });
}
