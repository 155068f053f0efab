import { describe, expect, it } from 'vitest';
import { emptyDraft, isCreditCode, isPhone, toForm, validate } from './validation';

describe('validation at the field', () => {
  it('accepts real credit codes and refuses a wrong check character', () => {
    expect(isCreditCode('91330100716105852F')).toBe(true);
    expect(isCreditCode('914403001922038216')).toBe(true);
    expect(isCreditCode('91330100716105852G')).toBe(false);
    expect(isCreditCode('9133010071610585')).toBe(false);
  });

  it('accepts mobile and landline numbers as the server does', () => {
    expect(isPhone('13800138000')).toBe(true);
    expect(isPhone('0798-8221234')).toBe(true);
    expect(isPhone('12345')).toBe(false);
  });

  it('names every missing part: sections, resources and the emergency plan', () => {
    const errors = validate(emptyDraft('91330100716105852F'));
    expect(errors.section6).toBe('sectionMissing');
    expect(errors.resourceCodes).toBe('chooseResource');
    expect(errors.documents).toBe('needEmergencyPlan');
    expect(errors.securityLead).toBe('required');
    expect(errors.creditCode).toBeUndefined();
  });

  it('lets a complete draft through and shapes it as the API takes it', () => {
    const d = {
      ...emptyDraft('91330100716105852F'), companyName: '瓷都', legalRepresentative: '甲', principal: '乙', businessLead: '丙',
      securityLead: '丁', contactName: '戊', contactPhone: '13800138000', contactEmail: 'a@b.cn',
      sections: Array(8).fill('内容'), resourceCodes: ['fgw-personal-credit'],
      documents: [{ documentId: 7, kind: 'EMERGENCY_PLAN' as const, fileName: 'p.pdf' }]
    };
    expect(validate(d)).toEqual({});
    const form = toForm(3, d);
    expect(form.planSections[7]).toEqual({ sectionNo: 8, content: '内容' });
    expect(form.documents).toEqual([{ documentId: 7, kind: 'EMERGENCY_PLAN' }]);
  });
});
