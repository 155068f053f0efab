import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

/** 数据需求申请 under an approved scenario: which of its approved lines, for what, and when. */
export function DataUseNew({ t, scenarioId }: { t: (k: Key) => string; scenarioId: number }) {
  const [scenario, setScenario] = useState<any>(null);
  const [lineNos, setLineNos] = useState<number[]>([]);
  const [purpose, setPurpose] = useState('');
  const [periodFrom, setFrom] = useState('');
  const [periodTo, setTo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => { api<any>(`/api/scenarios/${scenarioId}`).then(setScenario).catch(e => setMessage(e.message)); }, [scenarioId]);
  const submit = async () => {
    try {
      const saved = await api<{ id: number }>('/api/data-use-requests', { method: 'POST',
        body: JSON.stringify({ scenarioId, lineNos, purpose, periodFrom: periodFrom || null, periodTo: periodTo || null }) });
      window.location.hash = '#/data-use/' + saved.id;
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  if (!scenario) return <section>{message || '…'}</section>;
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate><section>
      <h2>{t('newDataUse')}：{scenario.name}</h2>
      <fieldset><legend>{t('demandList')}</legend>
        {scenario.lines.filter((l: any) => l.approved).map((l: any) => (
          <label key={l.lineNo} className="inline"><input type="checkbox" checked={lineNos.includes(l.lineNo)}
            onChange={e => setLineNos(e.target.checked ? [...lineNos, l.lineNo] : lineNos.filter(n => n !== l.lineNo))} />
            {l.lineNo}. {l.resourceName}</label>))}</fieldset>
      {errors.lineNos && <div className="error">{errors.lineNos}</div>}
      <label htmlFor="purpose">{t('usePurpose')}</label><textarea id="purpose" value={purpose} onChange={e => setPurpose(e.target.value)} />
      {errors.purpose && <div className="error">{errors.purpose}</div>}
      <label htmlFor="from">{t('periodFrom')}</label><input id="from" type="date" value={periodFrom} onChange={e => setFrom(e.target.value)} />
      <label htmlFor="to">{t('periodTo')}</label><input id="to" type="date" value={periodTo} onChange={e => setTo(e.target.value)} />
      {(errors.periodFrom || errors.periodTo) && <div className="error">{errors.periodFrom || errors.periodTo}</div>}
      {message && <p className="error" data-testid="message">{message}</p>}
      <button className="primary" type="submit">{t('submit')}</button>
    </section></form>
  );
}

/** A data-quality issue against one approved line; its provider answers within the profile's working days. */
export function QualityNew({ t, scenarioId }: { t: (k: Key) => string; scenarioId: number }) {
  const [scenario, setScenario] = useState<any>(null);
  const [lineNo, setLineNo] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => { api<any>(`/api/scenarios/${scenarioId}`).then(setScenario).catch(e => setMessage(e.message)); }, [scenarioId]);
  const submit = async () => {
    try {
      const saved = await api<{ id: number }>('/api/quality-issues', { method: 'POST',
        body: JSON.stringify({ scenarioId, lineNo: lineNo ? Number(lineNo) : null, description }) });
      window.location.hash = '#/quality/' + saved.id;
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  if (!scenario) return <section>{message || '…'}</section>;
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate><section>
      <h2>{t('newQualityIssue')}：{scenario.name}</h2>
      <label htmlFor="line">{t('resource')}</label>
      <select id="line" value={lineNo} onChange={e => setLineNo(e.target.value)}>
        <option value="">{t('chooseOne')}</option>
        {scenario.lines.filter((l: any) => l.approved).map((l: any) => <option key={l.lineNo} value={l.lineNo}>{l.lineNo}. {l.resourceName}</option>)}
      </select>{errors.lineNo && <div className="error">{errors.lineNo}</div>}
      <label htmlFor="description">{t('qualityProblem')}</label>
      <textarea id="description" value={description} onChange={e => setDescription(e.target.value)} />
      {errors.description && <div className="error">{errors.description}</div>}
      {message && <p className="error" data-testid="message">{message}</p>}
      <button className="primary" type="submit">{t('submit')}</button>
    </section></form>
  );
}

/** SCN-10: a risk found while handling data requests, reported at once with the first measures taken. */
export function RiskNew({ t }: { t: (k: Key) => string }) {
  const [agreements, setAgreements] = useState<any[]>([]);
  const [form, setForm] = useState({ jurisdiction: '', description: '', foundOn: '', measures: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<any[]>('/api/agreements').then(a => { setAgreements(a); if (a[0]) setForm(f => ({ ...f, jurisdiction: a[0].jurisdiction })); })
      .catch(e => setMessage(e.message));
  }, []);
  const submit = async () => {
    try {
      const saved = await api<{ id: number }>('/api/risk-reports', { method: 'POST',
        body: JSON.stringify({ ...form, foundOn: form.foundOn || null }) });
      window.location.hash = '#/risks/' + saved.id;
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate><section>
      <h2>{t('newRiskReport')}</h2>
      <label htmlFor="jurisdiction">{t('agreement')}</label>
      <select id="jurisdiction" value={form.jurisdiction} onChange={e => setForm({ ...form, jurisdiction: e.target.value })}>
        {agreements.map(a => <option key={a.id} value={a.jurisdiction}>{a.jurisdictionName} · {a.agreementNo}</option>)}</select>
      <label htmlFor="description">{t('riskDescription')}</label>
      <textarea id="description" value={form.description} onChange={e => setForm({ ...form, description: e.target.value })} />
      {errors.description && <div className="error">{errors.description}</div>}
      <label htmlFor="foundOn">{t('foundOn')}</label>
      <input id="foundOn" type="date" value={form.foundOn} onChange={e => setForm({ ...form, foundOn: e.target.value })} />
      {errors.foundOn && <div className="error">{errors.foundOn}</div>}
      <label htmlFor="measures">{t('measures')}</label>
      <textarea id="measures" value={form.measures} onChange={e => setForm({ ...form, measures: e.target.value })} />
      {errors.measures && <div className="error">{errors.measures}</div>}
      {message && <p className="error" data-testid="message">{message}</p>}
      <button className="primary" type="submit">{t('submit')}</button>
    </section></form>
  );
}
