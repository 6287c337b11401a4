/**
 * The closed lists the content model is built on. Each list is the single place a value is
 * defined; schemas, navigation and the touchpoint matrix all read from here.
 */

export const CHAPTER_TYPES = ['creed', 'principle', 'skill', 'procedure', 'guide', 'reference'] as const;
export type ChapterType = (typeof CHAPTER_TYPES)[number];

/** How each kind of chapter is named to readers, as a group (search filters, the search page). */
export const CHAPTER_TYPE_LABELS: Record<ChapterType, string> = {
  creed: 'Creed',
  principle: 'Principles',
  skill: 'Skills',
  procedure: 'Procedures',
  guide: 'Guides',
  reference: 'Reference',
};

export const TOUCHPOINTS = ['telephone', 'face-to-face', 'email', 'website', 'mail', 'live-chat'] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

/** How each touchpoint is named to readers. */
export const TOUCHPOINT_LABELS: Record<Touchpoint, string> = {
  telephone: 'Telephone',
  'face-to-face': 'Face to face',
  email: 'Email',
  website: 'Website',
  mail: 'Mail',
  'live-chat': 'Live chat',
};

/**
 * Everyday words that point at a touchpoint. Search uses them to prefer the chapters of the
 * touchpoint a question is about ("pick up the phone" → telephone chapters).
 */
export const TOUCHPOINT_WORDS: Record<Touchpoint, readonly string[]> = {
  telephone: ['phone', 'telephone', 'call', 'calls', 'caller', 'callers', 'ring', 'rings', 'hold', 'voicemail', 'dial'],
  'face-to-face': ['counter', 'desk', 'branch', 'site', 'sites', 'walk-in', 'walks', 'visitor', 'visitors', 'reception', 'person'],
  email: ['email', 'emails', 'inbox', 'subject'],
  website: ['website', 'web', 'online', 'form', 'page', 'pages', 'site'],
  mail: ['mail', 'letter', 'letters', 'parcel', 'parcels', 'post', 'envelope', 'courier'],
  'live-chat': ['chat', 'chats', 'transcript'],
};

export const AUDIENCES = [
  'all-staff',
  'frontline',
  'phone-team',
  'email-desk',
  'mail-room',
  'site-staff',
  'managers',
  'editors',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  'all-staff': 'All staff',
  frontline: 'Frontline',
  'phone-team': 'Phone team',
  'email-desk': 'Email desk',
  'mail-room': 'Mail room',
  'site-staff': 'Site staff',
  managers: 'Managers',
  editors: 'Editors',
};

/** The six sections every procedure page has, in this order. */
export const PROCEDURE_SECTIONS = [
  'When this applies',
  'Our standard',
  'Steps',
  'What to say',
  'If something goes wrong',
  'Checklist',
] as const;
