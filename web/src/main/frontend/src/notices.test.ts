import { describe, expect, it } from 'vitest';
import { bodyParagraphs, documentDate } from './pages/Notices';

describe('an official notice as it prints', () => {
  it('dates the notice in Beijing time, as a document does', () => {
    expect(documentDate('2026-03-03T16:30:00Z')).toBe('2026年3月4日');
  });
  it('puts the addressee on a line of its own and keeps the text in paragraphs', () => {
    expect(bodyParagraphs({ addressee: '瓷都数据运营有限公司', body: '瓷都数据运营有限公司：\n\n您的准入申请未获通过。\n原因：材料不全' }))
      .toEqual(['您的准入申请未获通过。', '原因：材料不全']);
  });
});
