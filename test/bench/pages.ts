/**
 * The pages the benchmark serves: the 130 corpus pages (off-topic), on-topic articles in real news
 * markup, and long on-topic articles. Executable scripts are removed, so every script a browser runs
 * on them is an extension's; JSON-LD metadata (which Readability reads) stays.
 */
import { corpusNames, corpusSource, inCorpusMarkup, NEWS_HOSTS } from '../fixtures/corpus-page';
import { seedParagraphs } from '../fixtures/news-page';
import { BRIEF, REPORT } from '../fixtures/on-topic';

export interface BenchPage {
  name: string;
  html: string;
}

const EXECUTABLE_SCRIPT = /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi;
const EVENT_HANDLER = /\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const SCRIPT_URL = /javascript:/gi;

/** `html` without the scripts a browser would run: script elements, event handlers, script URLs. */
function withoutScripts(html: string): string {
  return html
    .replace(EXECUTABLE_SCRIPT, '')
    .replace(EVENT_HANDLER, '')
    .replace(SCRIPT_URL, 'about:blank#');
}

/** The corpus pages, by name. */
export function corpusPages(): BenchPage[] {
  return corpusNames().map((name) => ({ name, html: withoutScripts(corpusSource(name)) }));
}

/** The on-topic report and brief in every news host's markup. */
export function onTopicPages(): BenchPage[] {
  return NEWS_HOSTS.flatMap((host) => [
    { name: `${host}/report`, html: withoutScripts(inCorpusMarkup(host, REPORT)) },
    { name: `${host}/brief`, html: withoutScripts(inCorpusMarkup(host, BRIEF)) },
  ]);
}

const FILLER = [
  'The council met on Tuesday to review the schedule for the coming season, and members agreed to publish the minutes within a week.',
  'Residents asked about parking near the station, where a $3 million repair of the old bridge is expected to finish in the spring.',
  'A spokesperson said the library would extend its opening hours, citing a rise of about 12 percent in visitors since last year.',
  'Local farmers reported a good harvest despite the dry summer, with prices at the weekly market holding steady for most produce.',
  'The school board discussed new bus routes and said that more than 400 pupils would benefit from shorter journeys each morning.',
];

/** `words` words of paragraphs: the seed articles' paragraphs between neutral filler. */
function longParagraphs(words: number): string[] {
  const seeds = seedParagraphs()
    .flat()
    .filter((p) => p.split(/\s+/).length > 12);
  const paragraphs: string[] = [];
  for (let i = 0, count = 0; count < words; i++) {
    const p = i % 3 === 0 ? seeds[(i / 3) % seeds.length] : FILLER[i % FILLER.length];
    paragraphs.push(p as string);
    count += (p as string).split(/\s+/).length;
  }
  return paragraphs;
}

/** A long on-topic article of `words` words in a news host's markup. */
export function longArticle(words: number, host = 'guardian-1'): BenchPage {
  const html = inCorpusMarkup(host, {
    title: 'How North Korea’s hackers fund its weapons',
    paragraphs: longParagraphs(words),
  });
  return { name: `${words}-word article`, html: withoutScripts(html) };
}
