import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { contestable, DataUseAppealsView, type AppealItem, type AppealLine } from './DataUseAppeals';
import { messages, type Key } from '../i18n';

const t = (k: Key) => messages.zh[k];
const lines: AppealLine[] = [
  { lineNo: 1, resourceName: '医疗机构诊疗信息', resourceCode: 'xc-wjj-clinics', providerConsent: 'CONSENTED' },
  { lineNo: 2, resourceName: '公交客流信息', resourceCode: 'xc-jtj-bus', providerConsent: 'REFUSED', providerReason: '公交客流数据正在治理' }
];
const item = (subject: string, kind: string, word: string, statusLabel: string): AppealItem =>
  ({ appeal: { id: 7, contestedSubject: subject, kind }, word, statusLabel });

describe('what a data-use request may contest', () => {
  it('offers 003 an appeal of a refused request, once', () => {
    expect(contestable('REFUSED', 'APPEALS', lines, [], 5)?.kind).toBe('appeal');
    expect(contestable('APPROVED', 'APPEALS', lines, [], 5)).toBeNull();
    expect(contestable('REFUSED', 'APPEALS', lines, [item('DUR-5', 'DATA_USE_REFUSAL', '申诉', '已登记，数据主管部门处理中')], 5)).toBeNull();
    expect(contestable('REFUSED', 'NONE', lines, [], 5)).toBeNull();
  });

  it('offers 004 an objection to each line its provider refused, once the review has ended', () => {
    expect(contestable('APPROVED', 'SUPPLY_OBJECTIONS', lines, [], 5)?.lines.map(l => l.lineNo)).toEqual([2]);
    expect(contestable('IN_REVIEW', 'SUPPLY_OBJECTIONS', lines, [], 5)).toBeNull();
    expect(contestable('APPROVED', 'SUPPLY_OBJECTIONS', lines, [item('DUR-5/2', 'SUPPLY_OBJECTION', '异议', '已登记，数据主管部门处理中')], 5)).toBeNull();
    expect(contestable('REFUSED', 'APPEALS', lines, [item('DUR-5/2', 'SUPPLY_OBJECTION', '异议', '')], 5)?.kind).toBe('appeal');
  });
});

describe('the appeals section of a data-use request', () => {
  it('says 异议, names the refused line and its reason', () => {
    const html = renderToStaticMarkup(<DataUseAppealsView t={t} requestId={5} status="APPROVED" disputes="SUPPLY_OBJECTIONS" lines={lines} filed={[]} />);
    expect(html).toContain('供需异议');
    expect(html).toContain('2. 公交客流信息（公交客流数据正在治理）');
    expect(html).toContain('向数据主管部门提出异议');
    expect(html).not.toContain('申诉');
  });

  it('shows a filed appeal with its progress and offers no second one', () => {
    const upheld: AppealItem = { appeal: { id: 9, contestedSubject: 'DUR-5', kind: 'DATA_USE_REFUSAL', decisionReason: '用途在场景批准范围内' },
      word: '申诉', statusLabel: '申诉成立，重新办理' };
    const html = renderToStaticMarkup(<DataUseAppealsView t={t} requestId={5} status="REFUSED" disputes="APPEALS" lines={lines} filed={[upheld]} />);
    expect(html).toContain('申诉 DUR-5：<strong>申诉成立，重新办理</strong>（用途在场景批准范围内）');
    expect(html).not.toContain('向数据主管部门申诉');
  });

  it('shows nothing where nothing is or was contested', () => {
    expect(renderToStaticMarkup(<DataUseAppealsView t={t} requestId={5} status="APPROVED" disputes="APPEALS" lines={lines} filed={[]} />)).toBe('');
  });
});
