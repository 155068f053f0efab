import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ProgressView, type Due } from './ProgressView';
import { messages, type Key } from '../i18n';

const t = (k: Key) => messages.zh[k];
const reason = '2027 年节假日安排尚未录入，期限暂按周一至周五计算（已避开元旦、劳动节、国庆节的法定假日），录入该年安排后自动重新计算。';

describe('due items', () => {
  it('marks a provisional due day and says why, once', () => {
    const due: Due[] = [
      { step: '形式审查', responsible: '数据主管部门（审核岗）', dueDay: '2027-01-05', workingDaysLeft: 3, provisional: true, provisionalReason: reason },
      { step: '提交补正材料', responsible: '瓷都数据运营有限公司', dueDay: '2027-01-12', workingDaysLeft: 8, provisional: true, provisionalReason: reason },
      { step: '风险评估', responsible: '数据主管部门（审核岗）', dueDay: '2026-12-29', workingDaysLeft: 2, provisional: false, provisionalReason: null }
    ];
    const html = renderToStaticMarkup(<ProgressView t={t} title="测试" statusLabel="审查中" due={due} timeline={[]} />);
    expect(html).toContain('2027-01-05<span class="provisional"');
    expect(html.match(/data-testid="provisional"/g)).toHaveLength(2);
    expect(html.match(/data-testid="provisional-reason"/g)).toHaveLength(1);
    expect(html).toContain('暂定：2027 年节假日安排尚未录入');
    expect(html).toContain('2026-12-29</td>');
  });

  it('shows no mark when every due day is final', () => {
    const html = renderToStaticMarkup(<ProgressView t={t} title="测试" statusLabel="审查中"
      due={[{ step: '风险评估', responsible: '数据主管部门（审核岗）', dueDay: '2026-12-29', workingDaysLeft: 2 }]} timeline={[]} />);
    expect(html).not.toContain('暂定');
  });
});
