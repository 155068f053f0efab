import { describe, expect, it } from 'vitest';
import { emptyLine, emptyScenario, toScenarioForm, validateScenario } from './scenarioForm';

const complete = () => ({
  ...emptyScenario('jingdezhen'), name: '普惠金融', domain: '金融服务', purpose: 'INDUSTRY' as const,
  constructionPlan: '方案', riskAssessment: '评估', securityMeasures: '措施',
  lines: [{ ...emptyLine(), resourceCode: 'fgw-enterprise-credit', fields: '名称、信用等级', periodFrom: '2026-12-01', periodTo: '2027-11-30' }]
});

describe('scenario submission, checked at the field', () => {
  it('accepts a complete scenario', () => {
    expect(validateScenario(complete())).toEqual({});
  });
  it('names each line that is incomplete or whose period runs backwards', () => {
    const d = complete();
    d.lines.push({ ...emptyLine(), periodFrom: '2027-01-01', periodTo: '2026-01-01' });
    expect(validateScenario(d)).toEqual({
      'lines[1].resourceCode': 'lineResourceMissing', 'lines[1].fields': 'lineFieldsMissing', 'lines[1].periodTo': 'linePeriodWrong'
    });
  });
  it('wants a named domain when "other" is chosen, and records it as other', () => {
    const d = { ...complete(), domain: 'other' };
    expect(validateScenario(d).domain).toBe('required');
    expect(toScenarioForm({ ...d, otherDomain: '乡村振兴' }).domain).toBe('其他：乡村振兴');
  });
});
