/**
 * Whether a figure on the page counts a running total or one incident, from the words of its own
 * clause (docs/architecture.md, "Figure rules"): "$620 million from one game network", "in the Harmony
 * bridge hack", "one of the largest thefts", "the largest heist on record", "the attack on …" are one
 * incident; "in total", "overall", "to date" are a total. A figure with neither is a total.
 */
import type { Scope } from '@/lib/shared/facts/schema';

/** Words in a sentence that say what a nearby figure counts. Offsets into that sentence. */
export interface ScopeCue {
  start: number;
  end: number;
  scope: Scope;
  /** For an incident: the page's words naming it ("one game network", "the Harmony bridge hack"). */
  incident?: string;
}

const S = '\\s+';
const WORD = "[\\p{L}\\p{N}'’.&-]+";
const EVENT_NOUN = '(?:hack|heist|breach|theft|exploit|attack|robbery|raid|compromise|cyberattack)';
const EVENT_NOUNS = `(?:hacks|heists|breaches|thefts|exploits|attacks|robberies|raids|cyberattacks)`;
const SUPERLATIVE = '(?:largest|biggest|costliest|worst|largest-ever|biggest-ever)';

const CUES = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      `(?<total>in${S}total|total|in${S}all|overall|altogether|all${S}told|cumulative(?:ly)?|combined|to${S}date|so${S}far)(?![\\p{L}])`,
      // "in the Harmony bridge hack", "during a single attack"
      `(?:in|during)${S}(?<named>(?:the|a|one|a${S}single|that)${S}(?:${WORD}${S}){0,4}?${EVENT_NOUN})(?![\\p{L}])`,
      // "one of the largest thefts", "the largest heist on record"; not "many of the largest thefts"
      `(?<!(?:many|some|several|most|all)${S}of${S})(?<superlative>(?:one${S}of${S}the${S}(?:single${S})?${SUPERLATIVE}${S}(?:${WORD}${S}){0,2}?${EVENT_NOUNS}|the${S}(?:single${S})?${SUPERLATIVE}${S}(?:${WORD}${S}){0,2}?${EVENT_NOUN})(?:${S}(?:on${S}record|ever|in${S}history|of${S}all${S}time|of${S}the${S}year|of${S}(?:19|20)\\d\\d))?)(?![\\p{L}\\p{N}])`,
      // "the attack on …", "the hack of …": the target is read in nounPhrase
      `(?<against>the${S}${EVENT_NOUN}${S}(?:on|of|at|against))${S}(?<target>${WORD}(?:${S}${WORD}){0,5})`,
      // "in a single afternoon"
      `(?<single>in${S}(?:a${S}single|one)${S}(?:day|afternoon|morning|night|evening|go|transaction|operation))(?![\\p{L}])`,
      // "from one game network", "from a central bank", "from Bybit": read further in fromTarget
      `from${S}(?<from>(?:(?:a|an|one|the|a${S}single|single)${S})?${WORD}(?:${S}${WORD}){0,5})`,
    ].join('|') +
    ')',
  'giu',
);

/** Words that end a target's noun phrase ("from a bridge in June", "from one exchange, which …"). */
const PHRASE_END = new Set(
  (
    'in on at by for with to into over during after before since last this that which who whom ' +
    'where when while and or but as than then alone according said says say its their his her ' +
    // verbs that follow a subject such as "the attack on a trading platform cost it $235 million"
    'cost costs netted nets took takes drained left saw yielded brought caused stole was were is are has had have'
  ).split(' '),
);

/** Heads that count things rather than name one target ("from a range of victims"). */
const QUANTITY_HEADS = new Set(
  'range number variety host series string total handful dozen couple lot mix wave set pair'.split(
    ' ',
  ),
);

/** Every scope cue in `sentence` (case kept, so proper names can be told from common nouns). */
export function findScopeCues(sentence: string): ScopeCue[] {
  const cues: ScopeCue[] = [];
  CUES.lastIndex = 0;
  for (let m = CUES.exec(sentence); m; m = CUES.exec(sentence)) {
    const g = m.groups ?? {};
    const start = m.index;
    if (g.total) cues.push({ start, end: start + m[0].length, scope: 'total' });
    else if (g.against && g.target !== undefined) {
      const target = nounPhrase(g.target).join(' ');
      const end = start + m[0].length - g.target.length + target.length;
      cues.push({ start, end, scope: 'incident', incident: `${collapse(g.against)} ${target}` });
      CUES.lastIndex = end;
    } else if (g.from !== undefined) {
      const target = fromTarget(g.from);
      if (target) {
        const offset = start + m[0].length - g.from.length;
        cues.push({ start, end: offset + target.length, scope: 'incident', incident: target });
      }
      // The words after "from" may hold cues of their own ("from the largest heist on record").
      CUES.lastIndex = start + 4;
    } else {
      const incident = collapse(g.named ?? g.superlative ?? m[0]);
      cues.push({ start, end: start + m[0].length, scope: 'incident', incident });
    }
  }
  return cues;
}

/**
 * The target of "from …" if it is one thing: "one game network", "a central bank", "Bybit",
 * "Axie Infinity's Ronin network"; undefined for plural or uncounted targets ("crypto exchanges",
 * "banks around the world", "cryptocurrency crime", "the hackers") and for years.
 */
function fromTarget(words: string): string | undefined {
  const phrase = nounPhrase(words);
  const [first = '', ...rest] = phrase;
  const determiner = /^(?:a|an|one|single)$/i.test(first)
    ? 'one'
    : /^the$/i.test(first)
      ? 'the'
      : undefined;
  if (determiner === 'one' && first.toLowerCase() === 'a' && rest[0]?.toLowerCase() === 'single')
    rest.shift();
  const noun = determiner ? rest : phrase;
  const head = noun.at(-1)?.toLowerCase() ?? '';
  if (noun.length === 0 || /\d/.test(noun[0] ?? '') || QUANTITY_HEADS.has(head)) return undefined;
  const properName = /^\p{Lu}/u.test(noun[0] ?? '');
  if (!determiner && !properName) return undefined;
  if (determiner !== 'one' && isPlural(head)) return undefined;
  return phrase.join(' ');
}

/** The words of a noun phrase at the start of `words`, up to a preposition, conjunction or punctuation. */
function nounPhrase(words: string): string[] {
  const phrase: string[] = [];
  for (const raw of words.split(/\s+/)) {
    const word = raw.replace(/[.,;:!?)"'’]+$/, '');
    if (phrase.length > 0 && PHRASE_END.has(word.toLowerCase())) break;
    if (word) phrase.push(word);
    if (word !== raw) break;
  }
  return phrase;
}

function isPlural(word: string): boolean {
  return /[^su]s$/.test(word) && !/(?:ss|is|ics|ous|news)$/.test(word);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
