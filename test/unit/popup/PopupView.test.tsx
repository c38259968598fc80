import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { claimSections } from '@/entrypoints/popup/Found';
import { PopupView, type PopupViewProps } from '@/entrypoints/popup/PopupView';
import type { PageSummary } from '@/lib/shared/messages';
import { renderRoot } from '../render-root';

const SUMMARY: PageSummary = {
  url: 'https://news.example/a',
  enabled: true,
  isArticle: true,
  article: {
    title: 'Defending against cyber threats',
    byline: 'A. Writer',
    siteName: 'News Example',
    published: '2023-11-02',
    readingMinutes: 4,
  },
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      mentions: [
        { id: 1, text: 'FBI Director Christopher Wray' },
        { id: 4, text: 'Wray' },
      ],
    },
    { id: 'fbi', name: 'FBI', kind: 'organisation', mentions: [{ id: 2, text: 'FBI' }] },
  ],
  figures: [
    {
      factId: 'c.ok',
      text: '$2b',
      verdict: 'agrees',
      label: 'Agrees with the sources',
      reason: 'sources: $2b',
      mentions: [{ id: 3, text: '$2b' }],
    },
    {
      factId: 'c.bad',
      text: '$3 billion',
      verdict: 'differs',
      label: 'Conflicts with the sources',
      reason: 'sources: $2b overall',
      mentions: [
        { id: 5, text: '$3 billion' },
        { id: 8, text: '$3 billion' },
      ],
    },
    {
      factId: 'c.period',
      text: '$1bn',
      verdict: 'other-period',
      label: 'Sources give a different period',
      reason: 'sources: other years',
      mentions: [{ id: 6, text: '$1bn' }],
    },
  ],
  restated: [
    {
      factId: 'c.mou',
      text: 'the two commands signed a pact',
      verdict: 'agrees',
      label: 'Restates a sourced claim',
      reason: 'This restates a claim reported by The Readable.',
      statement: 'The cyber commands signed an MOU.',
      mentions: [{ id: 7, text: 'the two commands signed a pact' }],
    },
    {
      factId: 'c.march',
      text: 'In March',
      verdict: 'differs',
      label: 'Dated otherwise than the source',
      reason: 'The Readable dates this to July 2022; this page puts it in March.',
      statement: 'The FBI disrupted ransomware.',
      mentions: [{ id: 9, text: 'In March' }],
    },
  ],
  sources: [
    {
      id: 's1',
      title: 'Safe source',
      publisher: 'Pub',
      url: 'https://example.org/x',
      published: '2023',
    },
    { id: 's2', title: 'Script source', publisher: 'Evil', url: 'javascript:alert(1)' },
    { id: 's3', title: 'Data source', publisher: 'Evil', url: 'data:text/html,hi' },
  ],
};

const root = renderRoot();

function show(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  const props: PopupViewProps = {
    state: { status: 'ready', summary: SUMMARY },
    site: 'news.example',
    siteEnabled: true,
    paused: false,
    optionsUrl: 'chrome-extension://id/options.html',
    onSiteEnabled: vi.fn(),
    onPaused: vi.fn(),
    onReveal: vi.fn(),
    ...overrides,
  };
  render(<PopupView {...props} />, root);
  return props;
}

const texts = (selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim());

function switchNamed(name: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent === name);
  const input = label?.querySelector('input');
  if (!input) throw new Error(`no switch named ${name}`);
  return input;
}

describe('PopupView', () => {
  it('summarises the article: title, byline, site, date, reading time and counts', () => {
    show();
    expect(root.querySelector('h2')?.textContent).toBe('Defending against cyber threats');
    expect(texts('.article .meta')).toEqual([
      'A. Writer · News Example · 2 November 2023',
      '4 min read',
    ]);
    expect(root.querySelector('.counts')?.textContent).toBe(
      '2 conflicts · 2 figures · 1 retold claim · 2 entities',
    );
  });

  it('lists entities as buttons that reveal their first mention', () => {
    const props = show();
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.entities > li > button')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Christopher WrayPerson · 2 mentions',
      'FBIOrganisation · 1 mention',
    ]);
    buttons[1]?.click();
    expect(props.onReveal).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('lists every mention, so every annotation on the page can be reached from here', () => {
    const props = show();
    const list = root.querySelector('.entities .mentions');
    expect(list?.getAttribute('aria-label')).toBe('Each mention of Christopher Wray');
    const mentions = [...(list?.querySelectorAll('button') ?? [])];
    expect(mentions.map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['1', '1 of 2: FBI Director Christopher Wray'],
      ['2', '2 of 2: Wray'],
    ]);
    mentions[1]?.click();
    expect(props.onReveal).toHaveBeenCalledExactlyOnceWith(4);
    const ids = [...root.querySelectorAll<HTMLButtonElement>('.mentions button')].length;
    // 2 entity mentions and 2 of the figure written twice; single mentions need no list.
    expect(ids).toBe(4);
  });

  it('lists conflicts first, then figures, then retold claims, then who and what', () => {
    show();
    expect(texts('h3')).toEqual([
      'Conflicts',
      'Figures',
      'Claims from the sources',
      'Who and what',
      'Sources',
    ]);
    expect(texts('.conflicts .name')).toEqual(['$3 billion', '“In March”']);
    expect(texts('.conflicts .verdict')).toEqual([
      '≠ Conflicts with the sources',
      '≠ Dated otherwise than the source',
    ]);
    expect(texts('.conflicts .detail')).toEqual([
      'sources: $2b overall',
      'The Readable dates this to July 2022; this page puts it in March.',
    ]);
    // The rest in the order of the text, each with its verdict in words.
    expect(texts('.figures .name')).toEqual(['$2b', '$1bn']);
    expect(texts('.figures .verdict')).toEqual([
      '✓ Agrees with the sources',
      '↔ Sources give a different period',
    ]);
    expect(texts('.restated .name')).toEqual(['“the two commands signed a pact”']);
    expect(texts('.restated .detail')).toEqual(['The cyber commands signed an MOU.']);
    expect(claimSections(SUMMARY).conflicts.map((c) => c.factId)).toEqual(['c.bad', 'c.march']);
  });

  it('sends each item to its own place, and reaches every annotation on the page', () => {
    const props = show();
    const reveal = vi.mocked(props.onReveal);
    for (const item of root.querySelectorAll<HTMLButtonElement>('.claims > li > button'))
      item.click();
    // Each item to its own first place: the conflict to $3 billion, not to another figure.
    expect(reveal.mock.calls.map(([id]) => id)).toEqual([5, 9, 3, 6, 7]);
    for (const button of root.querySelectorAll<HTMLButtonElement>('main button')) button.click();
    const every = [...SUMMARY.entities, ...SUMMARY.figures, ...SUMMARY.restated].flatMap((item) =>
      item.mentions.map((m) => m.id),
    );
    expect(new Set(reveal.mock.calls.map(([id]) => id))).toEqual(new Set(every));
  });

  it('links only http(s) sources; others stay plain text', () => {
    show();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.sources a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Safe source', 'https://example.org/x'],
    ]);
    expect(texts('.sources li')).toEqual([
      'Safe sourcePub, 2023',
      'Script sourceEvil',
      'Data sourceEvil',
    ]);
  });

  it('has a labelled switch per site and a pause, both calling back', () => {
    const props = show();
    const site = switchNamed('Annotate this site');
    expect(site.getAttribute('role')).toBe('switch');
    expect(site.checked).toBe(true);
    site.click();
    expect(props.onSiteEnabled).toHaveBeenCalledExactlyOnceWith(false);
    const pause = switchNamed('Pause everywhere');
    expect(pause.checked).toBe(false);
    pause.click();
    expect(props.onPaused).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('says so plainly when there is nothing to list', () => {
    const cases: [Partial<PopupViewProps>, string][] = [
      [{ state: { status: 'unavailable' }, site: undefined }, 'Backstory can’t run on this page.'],
      [{ paused: true }, 'Backstory is paused. Nothing is marked on any page.'],
      [{ siteEnabled: false }, 'Backstory is switched off for this site.'],
      [
        {
          state: { status: 'ready', summary: { ...SUMMARY, isArticle: false, article: undefined } },
        },
        'This page doesn’t look like an article, so nothing is marked.',
      ],
      ...(
        [
          ['nothing-known', 'Nothing from your fact base is on this page, so nothing is marked.'],
          ['too-large', 'This page is too large for Backstory to read, so nothing is marked.'],
          ['in-frame', 'The article is in a frame Backstory doesn’t read, so nothing is marked.'],
          [
            'in-shadow-root',
            'The article is in a part of the page Backstory can’t read (a shadow root), so nothing is marked.',
          ],
        ] as const
      ).map(([noArticle, words]): [Partial<PopupViewProps>, string] => [
        {
          state: {
            status: 'ready',
            summary: { ...SUMMARY, isArticle: false, article: undefined, noArticle },
          },
        },
        words,
      ]),
      [
        {
          state: {
            status: 'ready',
            summary: { ...SUMMARY, entities: [], figures: [], restated: [] },
          },
        },
        'Nothing from the fact base was found on this page.',
      ],
      [{ state: { status: 'loading' } }, 'Reading the page…'],
    ];
    for (const [props, message] of cases) {
      show(props);
      expect(texts('[role="status"]')).toEqual([message]);
      expect(root.querySelector('.entities')).toBeNull();
    }
  });

  it('disables the site switch where there is no site', () => {
    show({ state: { status: 'unavailable' }, site: undefined });
    expect(switchNamed('Annotate this site').disabled).toBe(true);
    expect(switchNamed('Annotate this site').checked).toBe(false);
  });

  it('renders page text as text, never as markup', () => {
    const summary = {
      ...SUMMARY,
      article: { ...SUMMARY.article, title: '<img src=x onerror=alert(1)>', readingMinutes: 1 },
    };
    show({ state: { status: 'ready', summary } });
    expect(root.querySelector('h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('links to the options page', () => {
    show();
    expect(root.querySelector('footer a')?.getAttribute('href')).toBe(
      'chrome-extension://id/options.html',
    );
  });
});
