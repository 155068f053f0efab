import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { emptyDraft } from './validation';

describe('a draft survives a reload', () => {
  beforeEach(() => localStorage.clear());

  it('comes back as it was saved, per announcement', () => {
    const d = { ...emptyDraft('91330100716105852F'), companyName: '瓷都数据' };
    saveDraft('a1', d);
    expect(loadDraft('a1')?.companyName).toBe('瓷都数据');
    expect(loadDraft('a2')).toBeNull();
    clearDraft('a1');
    expect(loadDraft('a1')).toBeNull();
  });

  it('a corrupt draft is dropped, not fatal', () => {
    localStorage.setItem('portal-draft:a3', '{not json');
    expect(loadDraft('a3')).toBeNull();
  });
});
