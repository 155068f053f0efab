import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, token } from '../api';
import type { Key } from '../i18n';
import { WithoutDrill } from './SecurityExercises';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

interface FlowState { flow: string; flowLabel: string; status: string; statusLabel: string; count: number }
interface UnitTasks { group: string; unit: string; open: number; dueSoon: number; overdue: number }
interface LeadTime { flow: string; flowLabel: string; step: string | null; stepLabel: string | null; medianHours: number; p90Hours: number; count: number }
interface Summary {
  applications: FlowState[]; openTasks: UnitTasks[]; leadTimesPerStep: LeadTime[]; leadTimesPerFlow: LeadTime[];
  outcomes: { month: string; admitted: number; rejected: number; withdrawn: number; exited: number }[];
  throughput: { month: string; submitted: number; closed: number }[];
}
interface CaseRow { flowLabel: string; subject: string; jurisdiction: string; companyName: string; statusLabel: string; submittedAt: string; closedAt?: string; processInstanceId?: string }
interface TaskRow { taskId: string; name: string; unit: string; due?: string; overdue: boolean; dueSoon: boolean; subject?: string; processInstanceId: string }
interface Entry { at: string; title: string; detail?: string; actor?: string }
type Drill = { kind: 'cases'; query: string; title: string } | { kind: 'tasks'; query: string; title: string };

const FLOWS: [string, string][] = [['', '全部流程'], ['admission', '运营机构准入'], ['scenario', '场景审核'], ['product', '数据产品和服务'], ['data-use-request', '数据需求申请'], ['exit', '运营机构退出']];
const JURISDICTIONS: [string, string][] = [['jingdezhen', '景德镇市'], ['chizhou', '池州市'], ['xianning', '咸宁市'], ['xinchang', '新昌县'], ['yangxin', '阳新县']];

/** The jurisdictions a manager may pick: all for the city-wide group and administrators, else those of their manager groups. */
export function jurisdictionChoices(groups: string[]): [string, string][] {
  if (groups.includes('manager') || groups.includes('operaton-admin')) return [['', '全部辖区'], ...JURISDICTIONS];
  const own = JURISDICTIONS.filter(([code]) => groups.includes('manager-' + code));
  return own.length === 1 ? own : [['', '本管理组的全部辖区'], ...own];
}
const time = (s?: string) => (s ? new Date(s).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
const cockpit = (pid: string) => '/operaton/app/cockpit/default/#/process-instance/' + pid;

function Chart({ option, label, onClick, testId }: { option: echarts.EChartsCoreOption; label: string; onClick?: (p: any) => void; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({ aria: { enabled: true, label: { description: label } }, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 48, containLabel: true }, ...option });
    if (onClick) chart.on('click', onClick);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [option, label, onClick]);
  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} />;
}

export function Dashboard({ t, groups }: { t: (k: Key) => string; groups: string[] }) {
  const choices = jurisdictionChoices(groups);
  const [flow, setFlow] = useState('');
  const [jurisdiction, setJurisdiction] = useState(choices[0][0]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState('');
  const [drill, setDrill] = useState<Drill | null>(null);
  const base = () => { const q = new URLSearchParams(); if (flow) q.set('flow', flow); if (jurisdiction) q.set('jurisdiction', jurisdiction); if (from) q.set('from', from); if (to) q.set('to', to); return q; };
  useEffect(() => { api<Summary>('/api/dashboard/summary?' + base()).then(s => { setSummary(s); setError(''); }).catch(e => setError(e.message)); }, [flow, jurisdiction, from, to]);
  if (!summary) return <section><h2>{t('dashboard')}</h2>{error ? <p className="error">{error}</p> : <p>加载中…</p>}</section>;
  const flows = [...new Set(summary.applications.map(a => a.flowLabel))];
  const states = [...new Set(summary.applications.map(a => a.statusLabel))];
  const byFlow = (label: string) => summary.applications.find(a => a.flowLabel === label)?.flow ?? '';
  const byState = (label: string) => summary.applications.find(a => a.statusLabel === label)?.status ?? '';
  const units = summary.openTasks.map(u => u.unit);
  const steps = summary.leadTimesPerStep.map(l => l.flowLabel + '·' + (l.stepLabel ?? l.step));
  const openCases = (p: any) => {
    const q = base(); q.set('flow', byFlow(p.name)); q.set('status', byState(p.seriesName));
    setDrill({ kind: 'cases', query: q.toString(), title: p.name + ' · ' + p.seriesName });
  };
  const openTasks = (p: any) => {
    const unit = summary.openTasks[p.dataIndex]; const q = base(); q.delete('from'); q.delete('to'); q.set('group', unit.group);
    q.set('state', p.seriesName === '已逾期' ? 'overdue' : p.seriesName === '两个工作日内到期' ? 'dueSoon' : 'open');
    setDrill({ kind: 'tasks', query: q.toString(), title: unit.unit + ' · ' + p.seriesName });
  };
  return (
    <>
      <section data-testid="dashboard">
        <h2>{t('dashboard')}</h2>
        <div className="filters">
          <label>流程 <select value={flow} onChange={e => setFlow(e.target.value)} data-testid="filter-flow">{FLOWS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select></label>
          <label>辖区 <select value={jurisdiction} onChange={e => setJurisdiction(e.target.value)}>{choices.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select></label>
          <label>自 <input type="date" value={from} onChange={e => setFrom(e.target.value)} /></label>
          <label>至 <input type="date" value={to} onChange={e => setTo(e.target.value)} /></label>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
      </section>
      <section>
        <h2>待办任务（按办理单位；逾期在前）</h2>
        <Chart testId="chart-tasks" label="各办理单位的待办、两个工作日内到期和已逾期任务数" onClick={openTasks} option={{
          xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: '待办', type: 'bar', data: summary.openTasks.map(u => u.open) },
            { name: '两个工作日内到期', type: 'bar', data: summary.openTasks.map(u => u.dueSoon), itemStyle: { color: '#b26a00' } },
            { name: '已逾期', type: 'bar', data: summary.openTasks.map(u => u.overdue), itemStyle: { color: '#c62828' } }] }} />
      </section>
      <WithoutDrill t={t} jurisdictions={jurisdiction ? [jurisdiction] : JURISDICTIONS.slice(1).map(([v]) => v)} />
      <section>
        <h2>各流程的申请及状态</h2>
        <Chart testId="chart-applications" label="各流程各状态的申请数" onClick={openCases} option={{
          xAxis: { type: 'category', data: flows }, yAxis: { type: 'value', minInterval: 1 },
          series: states.map(s => ({ name: s, type: 'bar', stack: 'all', data: flows.map(f => summary.applications.find(a => a.flowLabel === f && a.statusLabel === s)?.count ?? 0) })) }} />
      </section>
      <section>
        <h2>各环节办理用时（小时，中位数与第90百分位）</h2>
        <Chart testId="chart-lead" label="各环节办理用时的中位数和第90百分位" option={{
          xAxis: { type: 'category', data: steps, axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'value', name: '小时' },
          series: [{ name: '中位数', type: 'bar', data: summary.leadTimesPerStep.map(l => l.medianHours) }, { name: '第90百分位', type: 'bar', data: summary.leadTimesPerStep.map(l => l.p90Hours) }] }} />
        <table><thead><tr><th scope="col">流程</th><th scope="col">全流程用时中位数（小时）</th><th scope="col">第90百分位</th><th scope="col">办结数</th></tr></thead>
          <tbody>{summary.leadTimesPerFlow.map(l => <tr key={l.flow}><td>{l.flowLabel}</td><td>{l.medianHours}</td><td>{l.p90Hours}</td><td>{l.count}</td></tr>)}</tbody></table>
      </section>
      <section>
        <h2>每月结果</h2>
        <Chart testId="chart-outcomes" label="每月准入、未准入、撤回和退出的数量" option={{
          xAxis: { type: 'category', data: summary.outcomes.map(o => o.month) }, yAxis: { type: 'value', minInterval: 1 },
          series: [['准入', 'admitted'], ['未准入', 'rejected'], ['撤回', 'withdrawn'], ['退出', 'exited']].map(([name, k]) => ({ name, type: 'bar', stack: 'o', data: summary.outcomes.map(o => (o as any)[k]) })) }} />
      </section>
      <section>
        <h2>吞吐量（每月受理与办结）</h2>
        <Chart testId="chart-throughput" label="每月受理和办结的申请数" option={{
          xAxis: { type: 'category', data: summary.throughput.map(m => m.month) }, yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: '受理', type: 'line', data: summary.throughput.map(m => m.submitted) }, { name: '办结', type: 'line', data: summary.throughput.map(m => m.closed) }] }} />
        <p><button type="button" onClick={() => setDrill({ kind: 'cases', query: base().toString(), title: '全部申请' })} data-testid="all-cases">查看全部申请</button></p>
      </section>
      {drill && <DrillDown drill={drill} />}
    </>
  );
}

function DrillDown({ drill }: { drill: Drill }) {
  const [cases, setCases] = useState<CaseRow[]>([]);
  const [tasks, setTasks] = useState<TaskRow[]>([]);
  const [timeline, setTimeline] = useState<{ subject: string; entries: Entry[] } | null>(null);
  useEffect(() => {
    setTimeline(null);
    if (drill.kind === 'cases') api<CaseRow[]>('/api/dashboard/cases?' + drill.query).then(setCases);
    else api<TaskRow[]>('/api/dashboard/tasks?' + drill.query).then(setTasks);
  }, [drill]);
  const open = (subject?: string) => { if (subject) api<Entry[]>('/api/dashboard/timeline/' + subject).then(entries => setTimeline({ subject, entries })); };
  const exportCsv = async () => {
    const answer = await fetch('/api/dashboard/' + drill.kind + '.csv?' + drill.query, { headers: { Authorization: 'Bearer ' + (await token()) } });
    const url = URL.createObjectURL(await answer.blob());
    const a = document.createElement('a'); a.href = url; a.download = drill.kind === 'cases' ? 'applications.csv' : 'tasks.csv'; a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section data-testid="drill-down">
      <h2>{drill.title}</h2>
      <button type="button" onClick={exportCsv} data-testid="export-csv">导出 CSV</button>
      {drill.kind === 'cases' ? <table>
        <thead><tr><th scope="col">编号</th><th scope="col">单位</th><th scope="col">状态</th><th scope="col">提交时间</th><th scope="col">办结时间</th><th scope="col">流程实例</th></tr></thead>
        <tbody>{cases.map(c => <tr key={c.subject}>
          <td><button type="button" className="link" onClick={() => open(c.subject)} data-testid={'case-' + c.subject}>{c.subject}</button></td>
          <td>{c.companyName}</td><td>{c.statusLabel}</td><td>{time(c.submittedAt)}</td><td>{time(c.closedAt)}</td>
          <td>{c.processInstanceId && <a href={cockpit(c.processInstanceId)} target="_blank" rel="noreferrer">在 Cockpit 中查看</a>}</td></tr>)}</tbody>
      </table> : <table>
        <thead><tr><th scope="col">任务</th><th scope="col">办理单位</th><th scope="col">期限</th><th scope="col">编号</th><th scope="col">流程实例</th></tr></thead>
        <tbody>{tasks.map(x => <tr key={x.taskId}>
          <td>{x.name}</td><td>{x.unit}</td><td className={x.overdue ? 'overdue' : ''}>{time(x.due)}{x.overdue ? '（已逾期）' : x.dueSoon ? '（即将到期）' : ''}</td>
          <td>{x.subject && <button type="button" className="link" onClick={() => open(x.subject)}>{x.subject}</button>}</td>
          <td><a href={cockpit(x.processInstanceId)} target="_blank" rel="noreferrer">在 Cockpit 中查看</a></td></tr>)}</tbody>
      </table>}
      {timeline && <div data-testid="case-timeline"><h3>{timeline.subject} 办理记录</h3><table><tbody>
        {timeline.entries.map((e, i) => <tr key={i}><td>{time(e.at)}</td><td>{e.title}<div className="hint">{e.detail}</div></td><td>{e.actor}</td></tr>)}
      </tbody></table></div>}
    </section>
  );
}
