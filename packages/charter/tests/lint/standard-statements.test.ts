/**
 * Recognizing standards stated in a writer's own words (lint/text/standard-statements.ts): the
 * quantities, the standard a sentence states, and the sentences that only look like one.
 */
import { describe, expect, it } from 'vitest';
import { chapterFrontmatter } from '../../src/lib/schemas.ts';
import { sameTarget, standardsOfEdition, type StandardTarget } from '../../src/lib/standards.ts';
import { DEFAULT_VOCABULARY } from '../../src/lib/vocabulary.ts';
import { findQuantities, matchStatements, sentencesOf } from '../../src/lint/text/standard-statements.ts';

const base = {
  description: 'How we answer, hold and close every contact the same way.',
  type: 'procedure',
  audience: ['frontline'],
  owner: 'Customer Contact Team',
  reviewed: new Date('2026-01-15'),
};
const chapter = (slug: string, touchpoint: string, standards: unknown[]) => ({
  slug,
  title: slug,
  data: chapterFrontmatter.parse({ ...base, title: slug, touchpoints: [touchpoint], standards }),
});
const std = (id: string, measure: string, value: number, unit: string, statement: string, phrasings: string[] = []) => ({
  id,
  measure,
  target: { value, unit },
  statement,
  phrasings,
});

/** An edition much like the example handbook's. */
const standards = standardsOfEdition([
  chapter('procedures/telephone', 'telephone', [
    std('phone-answer', 'time to answer', 3, 'rings', 'We answer every call by {target}.'),
    std('phone-hold', 'time on hold without an update', 30, 'seconds', 'No caller waits on hold more than {target} without an update.'),
  ]),
  chapter('procedures/email', 'email', [
    std('email-reply', 'time to a full reply', 1, 'working-days', 'We send a full reply within {target} of receiving the email.'),
    std(
      'email-acknowledgement',
      'time to acknowledge a longer case',
      4,
      'working-hours',
      'If a full answer will take longer, we acknowledge the email within {target} and give a date for the full reply.',
    ),
  ]),
  chapter('procedures/live-chat', 'live-chat', [
    std('chat-first-reply', 'time to the first reply', 60, 'seconds', "We send a first reply within {target} of the customer's first message."),
    std('chat-message-reply', 'time to answer each message', 2, 'minutes', 'We answer each message during the chat within {target}, or say how long we need.'),
  ]),
  chapter('procedures/face-to-face', 'face-to-face', [
    std('counter-greeting', 'time to greet', 10, 'seconds', 'We greet every customer within {target} of their arriving at the counter.'),
    std('counter-wait', 'wait without service or an update', 5, 'minutes', 'No customer waits more than {target} without being served or given an update.'),
  ]),
  chapter('procedures/mail', 'mail', [
    std('letter-reply', 'time to reply to a letter', 3, 'working-days', 'We reply to every customer letter within {target}.'),
  ]),
]);

const touchpointWords = new Map(DEFAULT_VOCABULARY.touchpoints.map((t) => [t.id, [t.id, ...t.label.toLowerCase().split(' '), ...(t.words ?? [])]]));
const stated = (sentence: string, chapterTouchpoints: string[] = []) =>
  matchStatements(sentence, standards, { chapterTouchpoints, touchpointWords }).map((m) => ({
    id: m.standard.id,
    agrees: sameTarget(m.quantity.target, m.standard.target),
    text: m.quantity.text,
  }));

describe('quantities', () => {
  const cases: [string, StandardTarget[]][] = [
    ['within 30 seconds', [{ value: 30, unit: 'seconds' }]],
    ['within thirty seconds', [{ value: 30, unit: 'seconds' }]],
    ['within twenty-four hours', [{ value: 24, unit: 'hours' }]],
    ['half a minute', [{ value: 0.5, unit: 'minutes' }]],
    ['no more than a minute', [{ value: 1, unit: 'minutes' }]],
    ['one working day', [{ value: 1, unit: 'working-days' }]],
    ['two business hours', [{ value: 2, unit: 'working-hours' }]],
    ['by the third ring', [{ value: 3, unit: 'rings' }]],
    ['by the 3rd ring', [{ value: 3, unit: 'rings' }]],
    ['before the fourth ring', [{ value: 3, unit: 'rings' }]],
    ['in fewer than four rings', [{ value: 3, unit: 'rings' }]],
    ['within three rings', [{ value: 3, unit: 'rings' }]],
    ['a 30-second wait', [{ value: 30, unit: 'seconds' }]],
    [
      '95% of calls and 80 per cent of emails',
      [
        { value: 95, unit: 'percent' },
        { value: 80, unit: 'percent' },
      ],
    ],
    ['before it rings four times', [{ value: 3, unit: 'rings' }]],
    ['never let it ring more than three times', [{ value: 3, unit: 'rings' }]],
    ['a quarter of an hour', [{ value: 15, unit: 'minutes' }]],
    ['within a week', [{ value: 7, unit: 'days' }]],
    ['count to five', []],
    ['from the first ring to the goodbye', []],
    ['a few extra seconds', []],
    ['take a second look', []],
    ['the same working day', []],
    ['every working day', []],
  ];
  it.each(cases)('reads "%s"', (text, targets) => expect(findQuantities(text).map((q) => q.target)).toEqual(targets));

  it('keeps each quantity’s place in the text', () => {
    const [quantity] = findQuantities('Pick up before the fourth ring.');
    expect(quantity).toMatchObject({ start: 15, end: 30, text: 'the fourth ring' });
  });
});

describe('sentences that state a standard in their own words', () => {
  it.each([
    ['pick up before the fourth ring', 'phone-answer', true],
    ['Answer the phone within three rings.', 'phone-answer', true],
    ['Pick up the phone by the second ring.', 'phone-answer', false],
    ['Callers should never hold longer than half a minute.', 'phone-hold', true],
    ['No more than a minute on hold.', 'phone-hold', false],
    ['Nobody waits on hold for more than 45 seconds without news.', 'phone-hold', false],
    ['We reply to emails within 48 hours.', 'email-reply', false],
    ['Customers should hear back within one business day when they email us.', 'email-reply', true],
    ['Send the first chat reply within a minute.', 'chat-first-reply', true],
    ['We greet visitors at the counter within 10 seconds.', 'counter-greeting', true],
    ['Nobody waits at the counter for more than ten minutes without an update.', 'counter-wait', false],
    ['Letters get a reply within five working days.', 'letter-reply', false],
    ['Answer the phone before it rings four times.', 'phone-answer', true],
    ['Callers on hold hear from us every 60 seconds.', 'phone-hold', false],
    ['I gave an update at least every 30 seconds on hold.', 'phone-hold', true],
    ['Callers on hold hear an update every two minutes.', 'phone-hold', false],
    ['Let the phone ring no more than five times.', 'phone-answer', false],
    ['Callers on hold should hear from us at least once a minute.', 'phone-hold', false],
    ['Letters get a reply within a week.', 'letter-reply', false],
    ['Customers who email us hear back within 48 hours.', 'email-reply', false],
  ])('"%s" states %s (agreeing: %s)', (sentence, id, agrees) => {
    expect(stated(sentence)).toEqual([expect.objectContaining({ id, agrees })]);
  });

  it('reads a sentence in the chapter of its touchpoint without the touchpoint’s name', () => {
    expect(stated('Reply within 48 hours.', ['email'])).toEqual([expect.objectContaining({ id: 'email-reply', agrees: false })]);
    expect(stated('Reply within 48 hours.')).toEqual([]);
  });

  it('tells two standards apart in one sentence, clause by clause', () => {
    expect(stated('I replied within one working day, or acknowledged within four working hours with a date for the full reply.', ['email'])).toEqual([
      expect.objectContaining({ id: 'email-reply', agrees: true }),
      expect.objectContaining({ id: 'email-acknowledgement', agrees: true }),
    ]);
  });

  it('takes a standard’s own phrasings word for word', () => {
    const own = standardsOfEdition([
      chapter('procedures/telephone', 'telephone', [
        std('phone-hold', 'time on hold', 30, 'seconds', 'Nobody holds longer than {target}.', ['come back within {target}']),
      ]),
    ]);
    const matches = matchStatements('Come back within two minutes, answer or not.', own, { chapterTouchpoints: ['telephone'], touchpointWords });
    expect(matches.map((m) => [m.standard.id, m.by, m.quantity.text])).toEqual([['phone-hold', 'phrasing', 'two minutes']]);
  });
});

describe('values that say how often', () => {
  it('state a standard written as how often with one word of its measure', () => {
    const own = standardsOfEdition([
      chapter('problems/complaints', 'telephone', [
        std('complaint-update', 'update interval', 2, 'working-days', 'We update the customer every {target} until it is resolved.'),
      ]),
    ]);
    const matches = matchStatements('We update them at least every three working days.', own, { chapterTouchpoints: ['telephone'], touchpointWords });
    expect(matches.map((m) => [m.standard.id, m.by, m.quantity.text])).toEqual([['complaint-update', 'words', 'three working days']]);
  });

  it('state another standard only with two words of its measure', () => {
    expect(stated('The hold queue is checked every five minutes.', ['telephone'])).toEqual([]);
    expect(stated('Callers on hold hear an update every two minutes.', ['telephone'])).toEqual([expect.objectContaining({ id: 'phone-hold', agrees: false })]);
  });
});

describe('sentences about other things', () => {
  it.each([
    ['Count to five in your head before you say anything.'],
    ['A few extra seconds of patience usually save minutes of confusion later.'],
    ['The first edition asked for four rings.'],
    ['The first edition asked the phone team to answer within four rings; this edition asks you to answer by the third.'],
    ['Before 2026.1 we allowed five rings.'],
    ['We used to let the phone ring six rings.'],
    ['Many of us fill a silence within a second or two.'],
    ['Managers aim to respond within 30 minutes during opening hours.'],
    ['We acknowledge every complaint within one working day, and at once on the phone, in person or in chat.'],
    ['When a chat moves to the phone, a colleague calls within five minutes.'],
    ['We check the form queue at least every two hours.'],
    ['A customer who rings twice should get the same welcome.'],
    ['Call the customer back within one working day if you promised to.'],
    ['Close the case in the system within two working days after the reply.', ['email']],
    ['Transfer the call within two minutes if you cannot help.', ['telephone']],
    ['Return voicemail messages within two working hours.', ['telephone']],
    ['Forward a misdirected email within one working day.', ['email']],
    ['If the chat drops, contact the customer by email or phone within ten minutes.', ['live-chat']],
    ['Keep the counter tidy and restock leaflets every two hours.', ['face-to-face']],
    ['The hold queue is checked every five minutes.', ['telephone']],
    ['Team leads review hold times every 30 minutes.', ['telephone']],
    ['Check the queue every 2 minutes while callers wait on hold.', ['telephone']],
    ['Our phone lines are open from 8 a.m. to 6 p.m., five days a week.'],
    ['If the form stops working, a notice with our email address and phone number is on the page within one hour.'],
    ['Answer every chat within 30 seconds.'],
  ])('"%s" states none', (sentence, chapterTouchpoints: string[] = []) => {
    expect(stated(sentence, chapterTouchpoints)).toEqual([]);
  });

  it('reads the clause of today after a clause of history', () => {
    expect(stated('2025.1 allowed four rings before answering; the current edition asks you to pick up by the second ring.')).toEqual([
      expect.objectContaining({ id: 'phone-answer', agrees: false, text: 'the second ring' }),
    ]);
  });
});

describe('sentences of a text', () => {
  it('end at a full stop, not inside a decimal or after an abbreviation', () => {
    const text = 'Wait 1.5 minutes, e.g. on hold. Then answer! Done';
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end).trim())).toEqual(['Wait 1.5 minutes, e.g. on hold.', 'Then answer!', 'Done']);
  });
});
