import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { operatorReviewOpen, productContestable, OperatorReviewView, type ProductFacts } from './ProductAppeals';
import type { AppealItem } from './DataUseAppeals';
import { messages, type Key } from '../i18n';

const t = (k: Key) => messages.zh[k];
const OPERATOR = '914403001922038216';
const DEVELOPER = '91360200MA3KD7R2WF';
const product = (over: Partial<ProductFacts>): ProductFacts =>
  ({ id: 8, status: 'IN_REVIEW', creditCode: OPERATOR, developerCreditCode: DEVELOPER, operatorReviewPassed: null, ...over });
const appealOn = (subject: string): AppealItem =>
  ({ appeal: { id: 3, contestedSubject: subject, kind: 'PRODUCT_REFUSAL' }, word: '申诉', statusLabel: '已登记，数据主管部门处理中' });

describe("a developer's product in 003", () => {
  it('is reviewed by its operator while the review waits for it, by no one else', () => {
    expect(operatorReviewOpen(product({}), OPERATOR)).toBe(true);
    expect(operatorReviewOpen(product({}), DEVELOPER)).toBe(false);
    expect(operatorReviewOpen(product({ operatorReviewPassed: false, status: 'REJECTED' }), OPERATOR)).toBe(false);
    expect(operatorReviewOpen(product({ developerCreditCode: null }), OPERATOR)).toBe(false);
  });

  it('may be appealed by its developer once the operator refused it, once', () => {
    const refused = product({ status: 'REJECTED', operatorReviewPassed: false });
    expect(productContestable(refused, DEVELOPER, [])).toBe(true);
    expect(productContestable(refused, OPERATOR, [])).toBe(false);
    expect(productContestable(refused, DEVELOPER, [appealOn('PRD-8')])).toBe(false);
    expect(productContestable(product({ status: 'REJECTED', operatorReviewPassed: true }), DEVELOPER, [])).toBe(false);
  });

  it("shows the operator's pass-or-refuse form in Chinese", () => {
    const html = renderToStaticMarkup(<OperatorReviewView t={t} />);
    expect(html).toContain('出域合规审核（运营机构）');
    expect(html).toContain('不通过');
    expect(html).toContain('提交审核结论');
  });
});
