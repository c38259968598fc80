/** The reader's form as tests fill it in, and an empty pack of the reader's own facts. */
import { EMPTY_FORM, type ReaderFactForm } from '@/lib/pages/facts/reader';
import type { FactPack } from '@/lib/shared/facts/schema';

export const EMPTY: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [],
  entities: [],
  claims: [],
};

export function form(fields: Partial<ReaderFactForm>): ReaderFactForm {
  return { ...EMPTY_FORM, ...fields };
}

export const LAZARUS = form({
  term: 'Lazarus Group',
  aliases: 'Lazarus,  APT38 , lazarus group, ',
  details: 'A hacking group tied to North Korea.',
  sourceTitle: 'Advisory',
  sourceUrl: 'https://example.org/advisory',
});
