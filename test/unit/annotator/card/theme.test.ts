import { afterEach, describe, expect, it } from 'vitest';
import { parseRgb, themeBehind, themeForBackground } from '@/lib/annotator/card/theme';

describe('theme', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.body.removeAttribute('style');
  });

  it('parses computed colours', () => {
    expect(parseRgb('rgb(18, 18, 18)')).toEqual([18, 18, 18, 1]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseRgb('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseRgb('transparent')).toBeUndefined();
  });

  it('chooses dark for dark backgrounds and light otherwise', () => {
    expect(themeForBackground('rgb(18, 18, 18)')).toBe('dark');
    expect(themeForBackground('rgb(40, 44, 52)')).toBe('dark');
    expect(themeForBackground('rgb(255, 255, 255)')).toBe('light');
    expect(themeForBackground('rgb(240, 235, 220)')).toBe('light');
  });

  it('looks through transparent ancestors to the first painted background', () => {
    document.body.innerHTML =
      '<div style="background-color: rgb(20, 20, 20)"><p><span>x</span></p></div>';
    expect(themeBehind(document.querySelector('span') as Element)).toBe('dark');
    document.body.innerHTML = '<p><span>x</span></p>';
    expect(themeBehind(document.querySelector('span') as Element)).toBe('light');
  });
});
