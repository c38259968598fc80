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
    // Every figure of the demo is read against the sources; only the invented one conflicts.
    const figures = result.annotations.filter((a) => a.kind === 'claim');
    expect(figures.map((a) => [a.text, a.conflict])).toEqual([
      ['$2 billion', false],
      ['more than $1 billion', false],
      ['$3 billion', true],
      ['half a million dollars', false],
      ['10 years', false],
    ]);
    expect(result.cardText).toContain('This page says “$3 billion”');
    expect(result.cardText).toContain('Conflicts with the sources:');
    // Every annotation is drawn (an annotation across inline elements as several ranges).
    expect(result.drawnRanges).toBeGreaterThanOrEqual(result.annotations.length);
    expect(result.externalRequests).toEqual([]);
    expect(result.errors).toEqual([]);
  }, 90_000);
});
