/** The notes about a fact on its card, grouped by who keeps them. */

import type { NoteWords, Origin } from '@/lib/shared/card/card-types';
import { push } from '@/lib/shared/map-of-lists';
import { Cited, Quote } from './Attribution';

/** The reader's notes under "Your notes", then each imported pack's under its own name. */
export function Notes({ notes }: { notes: NoteWords[] }) {
  if (notes.length === 0) return null;
  const groups = new Map<string, NoteWords[]>();
  for (const note of notes) push(groups, note.origin.words, note);
  return (
    <>
      {[...groups.values()].map((group) => {
        const origin = (group[0] as NoteWords).origin;
        return (
          <section class="notes" key={origin.words} aria-label={notesHeading(origin)}>
            <h3>{notesHeading(origin)}</h3>
            <ul class="rows">
              {group.map((note) => (
                <li key={note.id}>
                  {note.text && (
                    <p>
                      <bdi>{note.text}</bdi>
                    </p>
                  )}
                  {note.quote && <Quote text={note.quote} />}
                  {note.sources.map((source, i) => (
                    <p class="meta" key={`${source.title}${i}`}>
                      <Cited source={source} />
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function notesHeading(origin: Origin): string {
  if (origin.kind === 'yours') return 'Your notes';
  if (origin.kind === 'bundled') return 'Notes';
  return `Notes ${origin.words.charAt(0).toLowerCase()}${origin.words.slice(1)}`;
}
