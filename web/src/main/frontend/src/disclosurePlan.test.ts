import { describe, expect, it } from 'vitest';
import { beijingToday, dueState, frequencyText, validateDisclosure, validateItem } from './pages/DisclosurePlan';
import { translator } from './i18n';

const zh = translator('zh');

describe('the operator’s disclosure plan', () => {
  it('names each field left wrong, in Chinese, before anything is sent', () => {
    const errors = validateItem({ item: ' ', frequencyMonths: null, channel: 'x'.repeat(201) });
    expect(Object.keys(errors).sort()).toEqual(['channel', 'frequencyMonths', 'item']);
    expect(zh(errors.item)).toContain('请填写披露内容');
    expect(zh(errors.frequencyMonths)).toContain('1 到 12 个月');
    expect(validateItem({ item: '公共数据资源使用情况', frequencyMonths: 3, channel: '运营平台门户网站' })).toEqual({});
    expect(validateItem({ item: '使用情况', frequencyMonths: 13, channel: '网站' })).toHaveProperty('frequencyMonths');
  });
  it('refuses a disclosure dated after today or saying nothing', () => {
    expect(validateDisclosure({ disclosedOn: '2026-12-03', content: '' }, '2026-12-02')).toEqual({
      disclosedOn: 'disclosedOnRequired', content: 'disclosureContentRequired'
    });
    expect(validateDisclosure({ disclosedOn: '2026-12-02', content: 'https://example.cn/report' }, '2026-12-02')).toEqual({});
  });
  it('marks items overdue, due within 15 days, or not yet due', () => {
    expect(dueState({ nextDue: '2026-11-30', overdue: true }, '2026-12-02')).toBe('overdue');
    expect(dueState({ nextDue: '2026-12-17', overdue: false }, '2026-12-02')).toBe('dueSoon');
    expect(dueState({ nextDue: '2026-12-18', overdue: false }, '2026-12-02')).toBe('onSchedule');
  });
  it('reads frequencies as the public site does', () => {
    expect([1, 3, 6, 12, 4].map(m => frequencyText(m, zh))).toEqual(['每月', '每季度', '每半年', '每年', '每 4 个月']);
  });
  it('counts today in Beijing', () => {
    expect(beijingToday(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02');
  });
});
