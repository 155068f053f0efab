import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';
import { ProgressView, type Due, type Entry } from '../components/ProgressView';

interface QualityIssue { id: number; scenarioId: number; lineNo: number; description: string; statusLabel: string;
  dueAt: string; answer: string | null }
interface LineState { lineNo: number; resource: string; provider: string; state: string; detail: string }
interface Progress { scenarioId: number; name: string; companyName: string; status: string; statusLabel: string;
  outcomeReason: string | null; operatorAction: string | null; lines: LineState[]; due: Due[]; timeline: Entry[] }

/** A scenario's progress: status, each line's consents, what is due by when in working days, and what happened. */
export function ScenarioDetail({ t, scenarioId }: { t: (k: Key) => string; scenarioId: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [issues, setIssues] = useState<QualityIssue[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () => {
      api<Progress>(`/api/scenarios/${scenarioId}/progress`).then(setProgress).catch(e => setError(e.message));
      api<QualityIssue[]>('/api/quality-issues').then(all => setIssues(all.filter(i => i.scenarioId === scenarioId))).catch(() => setIssues([]));
    };
    load();
    const timer = window.setInterval(load, 10000);
    return () => window.clearInterval(timer);
  }, [scenarioId]);
  if (error) return <section className="error">{error}</section>;
  if (!progress) return <section>…</section>;
  const mustSupplement = progress.due.some(d => d.step === '提交补正材料');
  const approved = progress.status === 'APPROVED';
  return (
    <ProgressView t={t} title={progress.name} statusLabel={progress.statusLabel} reason={progress.outcomeReason}
      action={progress.operatorAction} due={progress.due} timeline={progress.timeline}>
      <section>
        {mustSupplement && <p><a href={`#/scenarios/${scenarioId}/supplement`} data-testid="supplement">{t('supplement')}</a></p>}
        {approved && <p className="links">
          <a href={`#/data-use/new/${scenarioId}`} data-testid="new-data-use">{t('newDataUse')}</a>
          <a href={`#/products/new/${scenarioId}`} data-testid="new-product">{t('newProduct')}</a>
          <a href={`#/quality/new/${scenarioId}`} data-testid="new-quality">{t('newQualityIssue')}</a>
        </p>}
        <h2>{t('demandList')}</h2>
        <table data-testid="lines"><thead><tr><th>#</th><th>{t('resource')}</th><th>{t('provider')}</th><th>{t('lineState')}</th></tr></thead>
          <tbody>{progress.lines.map(l => (
            <tr key={l.lineNo}><td>{l.lineNo}</td><td>{l.resource}<div className="hint">{l.detail}</div></td><td>{l.provider}</td><td>{l.state}</td></tr>
          ))}</tbody></table>
        {approved && <>
          <h2>{t('qualityIssuesHere')}</h2>
          {issues.length === 0 ? <p className="hint">{t('noQualityIssues')}</p> :
            <table data-testid="quality-issues"><thead><tr><th>#</th><th>{t('qualityIssue')}</th><th>{t('status')}</th><th>{t('answerDue')}</th></tr></thead>
              <tbody>{issues.map(i => (
                <tr key={i.id}><td>{i.lineNo}</td>
                  <td><a href={`#/quality/${i.id}`}>{i.description}</a>{i.answer && <div className="hint">{t('answer')}：{i.answer}</div>}</td>
                  <td>{i.statusLabel}</td><td>{new Date(i.dueAt).toLocaleDateString()}</td></tr>
              ))}</tbody></table>}
        </>}
      </section>
    </ProgressView>
  );
}
