import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

type T = (k: Key) => string;

export interface Exercise { id: number; jurisdiction: string; kind: 'DRILL' | 'RISK_ASSESSMENT'; heldOn: string; summary: string; recordedBy: string }
export interface Overdue { creditCode: string; companyName: string; jurisdiction: string; lastDrill: string | null }

/** The last drill among the exercises, or null: a risk assessment is no drill (SEC-06). */
export function lastDrill(exercises: Exercise[]): string | null {
  return exercises.filter(e => e.kind === 'DRILL').map(e => e.heldOn).sort().reverse()[0] ?? null;
}

/** SEC-06: the operator records its emergency drills and risk assessments and sees them, the last drill first. */
export function SecurityExercises({ t }: { t: T }) {
  const [agreements, setAgreements] = useState<{ id: number; jurisdiction: string; jurisdictionName: string; agreementNo: string }[]>([]);
  const [list, setList] = useState<Exercise[]>([]);
  const [form, setForm] = useState({ jurisdiction: '', kind: 'DRILL', heldOn: '', summary: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const load = () => api<Exercise[]>('/api/security/exercises').then(setList).catch(e => setMessage(e.message));
  useEffect(() => {
    api<any[]>('/api/agreements').then(a => { setAgreements(a); if (a[0]) setForm(f => ({ ...f, jurisdiction: a[0].jurisdiction })); })
      .catch(e => setMessage(e.message));
    load();
  }, []);
  const submit = async () => {
    try {
      await api('/api/security/exercises', { method: 'POST', body: JSON.stringify({ ...form, heldOn: form.heldOn || null }) });
      setErrors({}); setMessage(''); setForm(f => ({ ...f, heldOn: '', summary: '' }));
      load();
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  const last = lastDrill(list);
  return (
    <section>
      <h2>{t('exercises')}</h2>
      <p data-testid="last-drill">{t('lastDrill')}：{last ?? t('noDrill')}</p>
      {list.length === 0 ? <p>{t('noExercises')}</p> : (
        <table data-testid="exercises">
          <thead><tr><th>{t('heldOn')}</th><th>{t('exerciseKind')}</th><th>{t('jurisdiction')}</th><th>{t('exerciseSummary')}</th></tr></thead>
          <tbody>{list.map(x => (
            <tr key={x.id}><td>{x.heldOn}</td><td>{t(x.kind === 'DRILL' ? 'drill' : 'riskAssessmentKind')}</td><td>{x.jurisdiction}</td><td>{x.summary}</td></tr>
          ))}</tbody>
        </table>
      )}
      <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate>
        <h3>{t('recordExercise')}</h3>
        <label htmlFor="exercise-jurisdiction">{t('agreement')}</label>
        <select id="exercise-jurisdiction" value={form.jurisdiction} onChange={e => setForm({ ...form, jurisdiction: e.target.value })}>
          {agreements.map(a => <option key={a.id} value={a.jurisdiction}>{a.jurisdictionName} · {a.agreementNo}</option>)}</select>
        {errors.jurisdiction && <div className="error">{errors.jurisdiction}</div>}
        <label htmlFor="exercise-kind">{t('exerciseKind')}</label>
        <select id="exercise-kind" value={form.kind} onChange={e => setForm({ ...form, kind: e.target.value })}>
          <option value="DRILL">{t('drill')}</option><option value="RISK_ASSESSMENT">{t('riskAssessmentKind')}</option></select>
        <label htmlFor="exercise-held-on">{t('heldOn')}</label>
        <input id="exercise-held-on" type="date" value={form.heldOn} onChange={e => setForm({ ...form, heldOn: e.target.value })} />
        {errors.heldOn && <div className="error">{errors.heldOn}</div>}
        <label htmlFor="exercise-summary">{t('exerciseSummary')}</label>
        <textarea id="exercise-summary" value={form.summary} onChange={e => setForm({ ...form, summary: e.target.value })} />
        {errors.summary && <div className="error">{errors.summary}</div>}
        {message && <p className="error" data-testid="exercise-message">{message}</p>}
        <button className="primary" type="submit">{t('recordExercise')}</button>
      </form>
    </section>
  );
}

/** SEC-06: the managers' list of authorized operators without a drill in the last 12 months, per jurisdiction. */
export function WithoutDrill({ t, jurisdictions }: { t: T; jurisdictions: string[] }) {
  const [rows, setRows] = useState<Overdue[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    Promise.all(jurisdictions.map(j => api<Overdue[]>('/api/security/exercises/overdue?jurisdiction=' + j)))
      .then(all => { setRows(all.flat()); setError(''); })
      .catch(e => setError(e.message));
  }, [jurisdictions.join(',')]);
  return (
    <section data-testid="without-drill">
      <h3>{t('withoutDrill')}</h3>
      {error && <p className="error">{error}</p>}
      {rows.length === 0 ? <p>{t('noFlows')}</p> : (
        <table><thead><tr><th>{t('companyName')}</th><th>{t('jurisdiction')}</th><th>{t('lastDrill')}</th></tr></thead>
          <tbody>{rows.map(r => (
            <tr key={r.jurisdiction + r.creditCode}><td>{r.companyName}<div className="hint">{r.creditCode}</div></td><td>{r.jurisdiction}</td>
              <td className="overdue">{r.lastDrill ?? t('noDrill')}</td></tr>))}</tbody></table>
      )}
    </section>
  );
}
