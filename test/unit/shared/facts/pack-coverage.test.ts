import { describe, expect, it } from 'vitest';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { allSeeds, normalise } from './pack-seeds';

/**
 * What the articles mention, as the articles word it: `phrase` occurs verbatim in a seed, and the
 * pack entry `id` (entity or claim) mentions it in its name, aliases, summary, statement or evidence.
 * `subjects`: the claim is about these entities too.
 */
interface Mention {
  phrase: string;
  id: string;
  subjects?: string[];
}

const PEOPLE_AND_BODIES: Mention[] = [
  { phrase: 'Kim Kuk-myong', id: 'kim-kuk-myong' },
  { phrase: 'Association for Countermeasures against International Cybercrimes', id: 'acaic' },
  { phrase: 'North Korean Foreign Ministry', id: 'dprk-foreign-ministry' },
  { phrase: 'U.S. State Department', id: 'us-state-department' },
  { phrase: 'Cyberspace and Digital Policy bureau', id: 'cdp-bureau' },
  { phrase: 'training series for global partners', id: 'cdp-training-series' },
  { phrase: 'Western Hemisphere', id: 'cdp-training-series' },
  { phrase: 'Africa', id: 'cdp-training-series' },
  { phrase: 'Asia', id: 'cdp-training-series' },
  { phrase: 'justice department', id: 'us-justice-department' },
  { phrase: 'FBI', id: 'fbi' },
  { phrase: 'hacking groups sponsored by the North Korean government', id: 'dprk-state-hackers' },
  { phrase: 'ransomware', id: 'ransomware' },
  { phrase: 'Anne Neuberger', id: 'anne-neuberger' },
  {
    phrase: 'Deputy National Security Advisor for Cyber and Emerging Technologies',
    id: 'anne-neuberger',
  },
  { phrase: 'U.S. president', id: 'us-president' },
  { phrase: 'joint statement', id: 'us-rok-joint-statement' },
  { phrase: 'South Korean Cyber Operations Command', id: 'rok-cyber-operations-command' },
  { phrase: 'counterpart', id: 'us-cyber-command' },
  { phrase: 'memorandum of understanding', id: 'cyber-commands-mou' },
  {
    phrase: 'working group meeting on North Korean cyber threats',
    id: 'us-rok-cyber-working-group',
  },
  { phrase: 'Alejandro Mayorkas', id: 'alejandro-mayorkas' },
  { phrase: 'Secretary of Homeland Security', id: 'alejandro-mayorkas' },
  { phrase: 'Homeland Security', id: 'dhs' },
  { phrase: 'House Committee on Homeland Security', id: 'house-homeland-security-committee' },
  { phrase: 'US Congress', id: 'us-congress' },
  { phrase: 'Homeland Security Committee hearing', id: 'homeland-security-hearing' },
  { phrase: 'FBI Director Christopher Wray', id: 'christopher-wray' },
  { phrase: 'Wray', id: 'christopher-wray' },
  { phrase: 'CISA', id: 'cisa' },
  { phrase: 'The Diplomat', id: 'the-diplomat' },
  { phrase: 'Korea Herald', id: 'korea-herald' },
  { phrase: 'SCMagazine', id: 'sc-magazine' },
  { phrase: 'N.Korean Hackers', id: 'dprk-state-hackers' },
];

const COUNTRIES_AND_PROGRAMMES: Mention[] = [
  { phrase: 'North Korea', id: 'north-korea' },
  { phrase: 'North Korean', id: 'north-korea' },
  { phrase: 'DPRK', id: 'north-korea' },
  { phrase: 'South Korea', id: 'south-korea' },
  { phrase: 'Seoul', id: 'south-korea' },
  { phrase: 'United States', id: 'united-states' },
  { phrase: 'U.S.', id: 'united-states' },
  { phrase: 'US', id: 'united-states' },
  { phrase: 'Iran', id: 'iran' },
  { phrase: 'UN', id: 'united-nations' },
  {
    phrase: 'weapons of mass destruction and ballistic missile programs',
    id: 'dprk-weapons-programmes',
  },
  { phrase: 'nuclear missile programs', id: 'dprk-weapons-programmes' },
  { phrase: 'nuclear weapons program', id: 'dprk-weapons-programmes' },
  { phrase: 'long range missiles', id: 'dprk-long-range-missiles' },
  { phrase: 'crypto currency scams', id: 'dprk-crypto-theft' },
  { phrase: 'cyber espionage', id: 'dprk-cyber-espionage' },
  { phrase: 'sanctions', id: 'dprk-sanctions' },
];

const EVENTS_FIGURES_AND_REMARKS: Mention[] = [
  { phrase: 'lashed out at the United States', id: 'nk-accuses-us-of-false-cyber-claims' },
  {
    phrase: 'posted on the North Korean Foreign Ministry’s official website',
    id: 'kim-article-on-foreign-ministry-site',
    subjects: ['kim-kuk-myong', 'acaic', 'dprk-foreign-ministry'],
  },
  { phrase: 'misusing cyberspace', id: 'kim-us-misuses-cyberspace', subjects: ['kim-kuk-myong'] },
  { phrase: 'For the past 10 years', id: 'kim-ten-years-of-charges', subjects: ['kim-kuk-myong'] },
  { phrase: 'idle spectator', id: 'kim-will-not-stand-by', subjects: ['kim-kuk-myong'] },
  { phrase: 'allied countries', id: 'us-allies-cooperation' },
  {
    phrase: 'sponsoring a training series',
    id: 'cdp-training-series-announced',
    subjects: ['cdp-bureau', 'cdp-training-series'],
  },
  {
    phrase: 'increasingly relied on malicious cyber activities',
    id: 'cdp-cyber-revenue-for-weapons',
    subjects: ['cdp-bureau', 'dprk-weapons-programmes', 'united-nations'],
  },
  {
    phrase: 'disrupted the ransomware activities',
    id: 'doj-fbi-disrupted-ransomware',
    subjects: ['us-justice-department', 'fbi', 'dprk-state-hackers'],
  },
  {
    phrase: 'recovered half a million dollars of ransom payments and cryptocurrency',
    id: 'doj-fbi-recovered-half-million',
    subjects: ['us-justice-department', 'fbi', 'dprk-state-hackers'],
  },
  {
    phrase: 'cooperation between South Korea and the U.S. in cyberspace',
    id: 'us-rok-cyber-ties-closer',
  },
  {
    phrase: 'At the end of July, Anne Neuberger',
    id: 'neuberger-visit-south-korea',
    subjects: ['anne-neuberger', 'south-korea'],
  },
  {
    phrase: 'joint statement made by the South Korean and U.S. presidents',
    id: 'presidents-joint-statement',
    subjects: ['us-rok-joint-statement', 'us-president', 'rok-president'],
  },
  {
    phrase: 'its U.S. counterpart signed a memorandum of understanding',
    id: 'cyber-commands-sign-mou',
    subjects: ['cyber-commands-mou', 'rok-cyber-operations-command', 'us-cyber-command'],
  },
  { phrase: 'long range missiles', id: 'nk-long-range-missiles' },
  { phrase: 'collect intelligence, conduct attacks', id: 'nk-cyber-aims' },
  {
    phrase: '$2b',
    id: 'nk-crypto-funded-2b',
    subjects: ['north-korea', 'dprk-crypto-theft', 'dprk-weapons-programmes'],
  },
  { phrase: 'crypto currency scams', id: 'nk-crypto-scam-reports' },
  {
    phrase: 'working group meeting held in Seoul',
    id: 'working-group-seoul-commitment',
    subjects: ['us-rok-cyber-working-group'],
  },
  { phrase: 'financial industry', id: 'working-group-financial-industry' },
  {
    phrase: 'second working group meeting',
    id: 'working-group-second-meeting',
    subjects: ['us-rok-cyber-working-group'],
  },
  {
    phrase: 'over $1 billion',
    id: 'mayorkas-over-1b-two-years',
    subjects: ['alejandro-mayorkas', 'house-homeland-security-committee'],
  },
  {
    phrase: 'ramped up its cyber espionage',
    id: 'wray-espionage-ramped-up',
    subjects: ['christopher-wray', 'homeland-security-hearing'],
  },
  {
    phrase: 'growing espionage in addition to theft and attack capability',
    id: 'wray-espionage-theft-attack',
    subjects: ['christopher-wray'],
  },
  { phrase: 'similar to Iran', id: 'wray-likened-to-iran', subjects: ['christopher-wray', 'iran'] },
  {
    phrase: 'financial institutions, crypto currency exchanges',
    id: 'wray-targets-finance-crypto',
    subjects: ['christopher-wray'],
  },
  {
    phrase: 'effectiveness of the sanctions',
    id: 'wray-sanctions-effective',
    subjects: ['christopher-wray', 'dprk-sanctions'],
  },
  { phrase: 'sophisticated cyber attacks', id: 'nk-targets-us-sophisticated' },
  { phrase: 'mutual defence', id: 'us-rok-mutual-defence' },
  {
    phrase: 'CISA: The Diplomat: Korea Herald: SCMagazine:',
    id: 'roundup-cited-sources',
    subjects: ['cisa', 'the-diplomat', 'korea-herald', 'sc-magazine'],
  },
  {
    phrase: 'N.Korean Hackers Target US Health Providers With Ransomware',
    id: 'nk-hackers-us-health-providers',
    subjects: ['dprk-state-hackers', 'ransomware'],
  },
];

/** True if `phrase` occurs in `text` as whole words ("US" is not found in "focus"). */
function hasPhrase(text: string, phrase: string): boolean {
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return true;
  }
  return false;
}

/** The entry's own text, normalised, with its subjects if it is a claim. */
function entry(id: string): { text: string; subjects: string[] } | undefined {
  const entity = bundledPack.entities.find((e) => e.id === id);
  if (entity) {
    const text = [entity.name, ...entity.aliases, entity.summary].join('\n');
    return { text: normalise(text), subjects: [] };
  }
  const claim = bundledPack.claims.find((c) => c.id === id);
  if (claim) {
    return { text: normalise(`${claim.statement}\n${claim.evidence}`), subjects: claim.subjects };
  }
  return undefined;
}

describe.each([
  ['people, organisations and bodies', PEOPLE_AND_BODIES],
  ['countries, programmes and concepts', COUNTRIES_AND_PROGRAMMES],
  ['events, figures and remarks', EVENTS_FIGURES_AND_REMARKS],
])('the pack covers the articles: %s', (_group, mentions) => {
  it.each(mentions)('$phrase → $id', ({ phrase, id, subjects = [] }) => {
    expect(allSeeds.includes(phrase)).toBe(true);
    const found = entry(id);
    expect(found).toBeDefined();
    expect(hasPhrase(found?.text ?? '', normalise(phrase)), found?.text).toBe(true);
    for (const subject of subjects) expect(found?.subjects).toContain(subject);
  });
});

describe('coverage is complete', () => {
  it('names every entity and every claim in the lists above', () => {
    const listed = new Set(
      [...PEOPLE_AND_BODIES, ...COUNTRIES_AND_PROGRAMMES, ...EVENTS_FIGURES_AND_REMARKS].flatMap(
        (m) => [m.id, ...(m.subjects ?? [])],
      ),
    );
    const unlisted = [...bundledPack.entities, ...bundledPack.claims]
      .map((e) => e.id)
      .filter((id) => !listed.has(id));
    expect(unlisted).toEqual([]);
  });
});
