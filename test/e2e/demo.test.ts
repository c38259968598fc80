import { describe, expect, it } from 'vitest';
import { runDemo } from '../demo/run';

describe('the README demo', () => {
  it('annotates the demo article, shows the conflict and sends nothing anywhere', async () => {
    const result = await runDemo({ headless: true });
    const texts = result.marks.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Alejandro Mayorkas', 'Christopher Wray', 'Anne Neuberger']),
    );
    const conflicts = result.marks.filter((m) => m.conflict);
    expect(conflicts.map((m) => m.text)).toEqual(['$3 billion']);
    expect(result.cardText).toContain('$3 billion');
    expect(result.externalRequests).toEqual([]);
    expect(result.errors).toEqual([]);
  }, 90_000);
});
