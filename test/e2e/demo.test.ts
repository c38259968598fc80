import { describe, expect, it } from 'vitest';
import { runDemo } from '../demo/run';

describe('the README demo', () => {
  it('annotates the demo article, shows the conflict and sends nothing anywhere', async () => {
    const result = await runDemo({ headless: true });
    const texts = result.annotations.map((a) => a.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Alejandro Mayorkas',
        'House Committee on Homeland Security',
        'FBI Director Christopher Wray',
        'Anne Neuberger',
        'Kim Kuk-myong',
        'Association for Countermeasures against International Cybercrimes',
      ]),
    );
    // Every figure of the demo is read against the sources; only the invented one conflicts, and a
    // length of time ("the past 10 years") is no figure.
    const figures = result.annotations.filter((a) => a.kind === 'figure');
    expect(figures.map((a) => [a.text, a.conflict])).toEqual([
      ['$2 billion', false],
      ['more than $1 billion', false],
      ['$3 billion', true],
      ['half a million dollars', false],
    ]);
    // Sourced claims the article retells are found, each marked as a phrase, not a lone word.
    const retold = result.annotations.filter((a) => a.kind === 'restated');
    expect(retold.map((a) => a.fact)).toEqual(
      expect.arrayContaining([
        'cyber-commands-sign-mou',
        'neuberger-visit-south-korea',
        'kim-article-on-foreign-ministry-site',
      ]),
    );
    for (const claim of retold) expect(claim.text.split(' ').length, claim.fact).toBeGreaterThan(1);
    // The conflict's card: what the page says, the verdict in one plain sentence, the picture.
    const lines = result.cardText.split('\n');
    expect(lines[0]).toBe('This page says “$3 billion”');
    expect(lines).toContain('≠ Conflicts with the sources');
    expect(lines).toContain(
      "Cyber Security Intelligence put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half as much again.",
    );
    expect(lines).toContain('What each source says (2)');
    // Compact like a Page Preview: nothing scrolls inside it.
    expect(result.cardSize.width).toBeGreaterThanOrEqual(320);
    expect(result.cardSize.width).toBeLessThanOrEqual(380);
    expect(result.cardSize.overflow).toBe(0);
    // Every annotation is drawn (an annotation across inline elements as several ranges).
    expect(result.drawnRanges).toBeGreaterThanOrEqual(result.annotations.length);
    expect(result.externalRequests).toEqual([]);
    expect(result.errors).toEqual([]);
  }, 90_000);
});
