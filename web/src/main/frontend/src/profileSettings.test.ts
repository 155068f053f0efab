import { describe, expect, it } from 'vitest';
import { parseSetting } from './pages/ProfileSettings';

describe('a setting typed on the settings page', () => {
  it('becomes the value its kind takes', () => {
    expect(parseSetting('MONTHS', '36')).toBe(36);
    expect(parseSetting('MONTHS_OR_NONE', '')).toBeNull();
    expect(parseSetting('FLAG', 'false')).toBe(false);
    expect(parseSetting('CHOICES', 'BREACH、TARGETS_MISSED')).toEqual(['BREACH', 'TARGETS_MISSED']);
    expect(parseSetting('TEXTS', '安全评估，绩效评估')).toEqual(['安全评估', '绩效评估']);
    expect(parseSetting('GROUP_OR_NONE', '')).toBeNull();
    expect(parseSetting('TEXT', '网络日志')).toBe('网络日志');
  });
});
