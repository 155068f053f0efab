import type { ReactNode } from 'react';
import type { Key } from '../i18n';

/** A provisional due day counts through a year whose holiday schedule is not entered; the server says why. */
export interface Due {
  step: string; responsible: string; dueDay: string | null; workingDaysLeft: number;
  provisional?: boolean; provisionalReason?: string | null
}
export interface Entry { at: string; title: string; detail: string | null; actor: string | null }

/** What every progress page shows: status and reason, what to do now, what is due by when in working days, history. */
export function ProgressView({ t, title, statusLabel, reason, action, due, timeline, children }: {
  t: (k: Key) => string; title: string; statusLabel: string; reason?: string | null; action?: string | null;
  due: Due[]; timeline: Entry[]; children?: ReactNode
}) {
  return (
    <>
      <section>
        <h2>{t('progress')}：{title}</h2>
        <p>{t('status')}：<strong data-testid="status">{statusLabel}</strong>{reason && <>（{reason}）</>}</p>
        {action && <div className="action" data-testid="action"><strong>{t('whatToDo')}：</strong>{action}</div>}
      </section>
      {children}
      {due.length > 0 && (
        <section>
          <h2>{t('due')}</h2>
          <table>
            <thead><tr><th>{t('step')}</th><th>{t('responsible')}</th><th>{t('dueDay')}</th><th>{t('workingDaysLeft')}</th></tr></thead>
            <tbody>{due.map((d, i) => (
              <tr key={i}><td>{d.step}</td><td>{d.responsible}</td>
                <td>{d.dueDay}{d.provisional && <span className="provisional" title={d.provisionalReason ?? ''}
                  data-testid="provisional">（{t('provisional')}）</span>}</td>
                <td className={d.workingDaysLeft < 0 ? 'overdue' : ''}>{d.workingDaysLeft < 0 ? t('overdue') : d.workingDaysLeft}</td></tr>
            ))}</tbody>
          </table>
          {[...new Set(due.filter(d => d.provisional && d.provisionalReason).map(d => d.provisionalReason))].map(r => (
            <p key={r} className="hint provisional-reason" data-testid="provisional-reason">{t('provisional')}：{r}</p>
          ))}
        </section>
      )}
      <section>
        <h2>{t('timeline')}</h2>
        <table data-testid="timeline"><tbody>{timeline.map((e, i) => (
          <tr key={i}><td>{new Date(e.at).toLocaleString()}</td><td>{e.title}{e.detail && <div className="hint">{e.detail}</div>}</td><td>{e.actor}</td></tr>
        ))}</tbody></table>
      </section>
    </>
  );
}
