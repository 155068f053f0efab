import { describe, expect, it } from 'vitest';
import { messages, SECTION_TITLES } from './i18n';

describe('Chinese first, English complete', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
  });
  it('names the eight sections of template 000', () => {
    expect(SECTION_TITLES.zh).toHaveLength(8);
    expect(SECTION_TITLES.zh[5]).toBe('（六）公共数据资源运营规划');
    expect(SECTION_TITLES.en).toHaveLength(8);
  });
});
