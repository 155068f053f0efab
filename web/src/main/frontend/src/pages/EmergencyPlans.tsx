import { useEffect, useState } from 'react';
import { api, ApiError, upload } from '../api';
import type { Key } from '../i18n';

type T = (k: Key) => string;

export interface EmergencyPlan {
  id: number | null; agreementId: number; documentId: number; fileName: string; changes: string; status: string;
  statusLabel: string; filedBy: string; filedAt: string; reviewNote: string | null; decidedBy: string | null;
  decidedAt: string | null; governsFrom: string | null; governsUntil: string | null; fromAdmission: boolean;
}
interface Plans { governing: EmergencyPlan | null; inReview: EmergencyPlan | null; history: EmergencyPlan[] }

/** The time a plan governed, as the history shows it: "2026-11-18 起" or "2026-11-18 至 2026-12-07". */
export function governedPeriod(p: Pick<EmergencyPlan, 'governsFrom' | 'governsUntil'>, since: string, until: string): string {
  const day = (at: string) => at.substring(0, 10);
  if (!p.governsFrom) return '—';
  return p.governsUntil ? `${day(p.governsFrom)} ${until} ${day(p.governsUntil)}` : `${day(p.governsFrom)} ${since}`;
}

/** SEC-08 一授权一预案: the plan that governs the agreement, the plans before it, and the operator's update. */
export function EmergencyPlans({ t, agreementId, operator }: { t: T; agreementId: number; operator: boolean }) {
  const [plans, setPlans] = useState<Plans | null>(null);
  const [error, setError] = useState('');
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [changes, setChanges] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const path = `/api/lifecycle/agreements/${agreementId}/emergency-plans`;
  const load = () => api<Plans>(path).then(setPlans).catch(e => setError(e.message));
  useEffect(() => { load(); }, [agreementId]);
  if (error) return <section className="error">{error}</section>;
  if (!plans) return <section>…</section>;
  const file = async () => {
    try {
      await api(path, { method: 'POST', body: JSON.stringify({ documentId, changes }) });
      setFields({}); setMessage(''); setChanges(''); setDocumentId(null);
      load();
    } catch (e) {
      setFields((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  return (
    <section data-testid="emergency-plans">
      <h2>{t('emergencyPlans')}</h2>
      <p data-testid="governing-plan">{t('governingPlan')}：{plans.governing
        ? `${plans.governing.fileName}（${governedPeriod(plans.governing, t('since'), t('until'))}）`
        : t('noPlan')}</p>
      {plans.inReview && <p className="hint" data-testid="plan-in-review">{t('planInReview')}：{plans.inReview.fileName}（{plans.inReview.changes}）</p>}
      <table data-testid="plan-history">
        <thead><tr><th>{t('planFile')}</th><th>{t('planChanges')}</th><th>{t('status')}</th><th>{t('governed')}</th><th>{t('reviewNote')}</th></tr></thead>
        <tbody>{plans.history.map(p => (
          <tr key={p.id ?? 'admission'}><td>{p.fileName}</td><td>{p.changes}</td><td>{p.statusLabel}</td>
            <td>{governedPeriod(p, t('since'), t('until'))}</td><td>{p.reviewNote ?? '—'}{p.decidedBy && <div className="hint">{p.decidedBy}</div>}</td></tr>
        ))}</tbody>
      </table>
      {operator && !plans.inReview && <form onSubmit={e => { e.preventDefault(); file(); }} noValidate>
        <h3>{t('fileUpdatedPlan')}</h3>
        <label className="file-label">{t('planFile')}
          <span className="file-button">{t('chooseFile')}
            <input className="file-input" type="file" accept="application/pdf,image/png,image/jpeg" onChange={async e => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              const stored = await upload(chosen, setPercent, '/api/documents');
              setPercent(null);
              setDocumentId(stored.id);
            }} /></span>
          <span className="hint">{percent !== null ? `${t('uploading')} ${percent}%` : documentId ? `${t('uploaded')} ${documentId}` : t('noFileChosen')}</span>
        </label>
        {fields.documentId && <div className="error">{fields.documentId}</div>}
        <label htmlFor="plan-changes">{t('planChanges')}</label>
        <textarea id="plan-changes" value={changes} onChange={e => setChanges(e.target.value)} />
        {fields.changes && <div className="error">{fields.changes}</div>}
        {message && <p className="error" data-testid="plan-message">{message}</p>}
        <button className="primary" type="submit">{t('fileUpdatedPlan')}</button>
      </form>}
    </section>
  );
}
