import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';

interface Due { step: string; responsible: string; dueDay: string | null; workingDaysLeft: number }
interface Entry { at: string; title: string; detail: string | null; actor: string | null }
interface LineState { lineNo: number; resource: string; provider: string; state: string; detail: string }
interface Progress { scenarioId: number; name: string; companyName: string; status: string; statusLabel: string;
  outcomeReason: string | null; operatorAction: string | null; lines: LineState[]; due: Due[]; timeline: Entry[] }

/** A scenario's progress: status, each line's consents, what is due by when in working days, and what happened. */
export function ScenarioDetail({ t, scenarioId }: { t: (k: Key) => string; scenarioId: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () => api<Progress>(`/api/scenarios/${scenarioId}/progress`).then(setProgress).catch(e => setError(e.message));
    load();
    const timer = window.setInterval(load, 10000);
    return () => window.clearInterval(timer);
  }, [scenarioId]);
  if (error) return <section className="error">{error}</section>;
  if (!progress) return <section>…</section>;
  const mustSupplement = progress.due.some(d => d.step === '提交补正材料');
  return (
    <>
      <section>
        <h2>{t('progress')}：{progress.name}</h2>
        <p>{t('status')}：<strong data-testid="status">{progress.statusLabel}</strong>{progress.outcomeReason && <>（{progress.outcomeReason}）</>}</p>
        {progress.operatorAction && <div className="action" data-testid="action"><strong>{t('whatToDo')}：</strong>{progress.operatorAction}</div>}
        {mustSupplement && <p><a href={`#/scenarios/${scenarioId}/supplement`} data-testid="supplement">{t('supplement')}</a></p>}
      </section>
      <section>
        <h2>{t('demandList')}</h2>
        <table data-testid="lines"><thead><tr><th>#</th><th>{t('resource')}</th><th>{t('provider')}</th><th>{t('lineState')}</th></tr></thead>
          <tbody>{progress.lines.map(l => (
            <tr key={l.lineNo}><td>{l.lineNo}</td><td>{l.resource}<div className="hint">{l.detail}</div></td><td>{l.provider}</td><td>{l.state}</td></tr>
          ))}</tbody></table>
      </section>
      {progress.due.length > 0 && (
        <section>
          <h2>{t('due')}</h2>
          <table>
            <thead><tr><th>{t('step')}</th><th>{t('responsible')}</th><th>{t('dueDay')}</th><th>{t('workingDaysLeft')}</th></tr></thead>
            <tbody>{progress.due.map((d, i) => (
              <tr key={i}><td>{d.step}</td><td>{d.responsible}</td><td>{d.dueDay}</td>
                <td className={d.workingDaysLeft < 0 ? 'overdue' : ''}>{d.workingDaysLeft < 0 ? t('overdue') : d.workingDaysLeft}</td></tr>
            ))}</tbody>
          </table>
        </section>
      )}
      <section>
        <h2>{t('timeline')}</h2>
        <table data-testid="timeline"><tbody>{progress.timeline.map((e, i) => (
          <tr key={i}><td>{new Date(e.at).toLocaleString()}</td><td>{e.title}{e.detail && <div className="hint">{e.detail}</div>}</td><td>{e.actor}</td></tr>
        ))}</tbody></table>
      </section>
    </>
  );
}
