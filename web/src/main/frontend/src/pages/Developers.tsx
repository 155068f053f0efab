import { useEffect, useState } from 'react';
import { api, ApiError, type Profile } from '../api';
import type { Key } from '../i18n';
import { ProgressView } from '../components/ProgressView';

type T = (k: Key) => string;
interface StaffRow { name: string; idNumberTail: string; duty: string }

/**
 * Developer onboarding. A developer company applies to an operator whose partner rules are in force and follows its
 * applications; an operator submits its partner rules for the authority's consent and sees the applications to it.
 */
export function Developers({ t, profile }: { t: T; profile: Profile }) {
  const developer = profile.roles.includes('developer');
  const [rows, setRows] = useState<any[] | null>(null);
  const [rules, setRules] = useState<any[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    api<any[]>('/api/developers/applications').then(setRows).catch(e => setError(e.message));
    if (!developer) api<any[]>('/api/developers/rules').then(setRules).catch(() => undefined);
  }, [developer]);
  return (
    <>
      <section>
        <h2>{developer ? t('myDeveloperApplications') : t('developerApplications')}</h2>
        {error && <p className="error">{error}</p>}
        {rows && rows.length === 0 && <p>{t('noDeveloperApplications')}</p>}
        {rows && rows.length > 0 && (
          <table data-testid="developer-applications">
            <thead><tr><th>{developer ? t('operatorName') : t('developerName')}</th><th>{t('status')}</th><th>{t('submittedAt')}</th><th /></tr></thead>
            <tbody>{rows.map(a => (
              <tr key={a.id}><td>{developer ? a.operatorName : a.developerName}</td><td>{t(('devStatus_' + a.status) as Key)}</td>
                <td>{new Date(a.submittedAt).toLocaleString()}</td><td><a href={'#/developers/' + a.id}>{t('view')}</a></td></tr>
            ))}</tbody>
          </table>
        )}
      </section>
      {developer ? <DeveloperApply t={t} /> : <PartnerRulesForm t={t} rules={rules} />}
    </>
  );
}

/** DEV-04, DEV-08: the developer's application with its capability, its declaration and its staff. */
function DeveloperApply({ t }: { t: T }) {
  const [operators, setOperators] = useState<any[]>([]);
  const [choice, setChoice] = useState('');
  const [capability, setCapability] = useState('');
  const [declared, setDeclared] = useState(false);
  const [staff, setStaff] = useState<StaffRow[]>([{ name: '', idNumberTail: '', duty: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<any[]>('/api/developers/operators').then(o => { setOperators(o); if (o[0]) setChoice(o[0].creditCode + '|' + o[0].jurisdiction); })
      .catch(e => setMessage(e.message));
  }, []);
  const setRow = (i: number, row: Partial<StaffRow>) => setStaff(staff.map((s, j) => (j === i ? { ...s, ...row } : s)));
  const submit = async () => {
    const [operatorCreditCode, jurisdiction] = choice.split('|');
    try {
      const saved = await api<{ id: number }>('/api/developers/applications', { method: 'POST',
        body: JSON.stringify({ jurisdiction, operatorCreditCode, capability, noIncidentDeclared: declared, staff }) });
      window.location.hash = '#/developers/' + saved.id;
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate><section>
      <h2>{t('applyToOperator')}</h2>
      {operators.length === 0 && <p>{t('noOpenOperators')}</p>}
      <label htmlFor="operator">{t('operatorName')}</label>
      <select id="operator" value={choice} onChange={e => setChoice(e.target.value)}>
        {operators.map(o => <option key={o.id} value={o.creditCode + '|' + o.jurisdiction}>{o.companyName}（{o.jurisdiction}）</option>)}
      </select>
      {errors.operatorCreditCode && <div className="error">{errors.operatorCreditCode}</div>}
      <label htmlFor="capability">{t('capability')}</label>
      <textarea id="capability" value={capability} onChange={e => setCapability(e.target.value)} />
      {errors.capability && <div className="error">{errors.capability}</div>}
      <label><input type="checkbox" data-testid="no-incident" checked={declared} onChange={e => setDeclared(e.target.checked)} />
        {t('noIncidentDeclaration')}</label>
      {errors.noIncidentDeclared && <div className="error">{errors.noIncidentDeclared}</div>}
      <h3>{t('staffList')}</h3>
      {staff.map((s, i) => (
        <div key={i} className="line">
          <input aria-label={t('staffName')} placeholder={t('staffName')} value={s.name} onChange={e => setRow(i, { name: e.target.value })} />
          <input aria-label={t('idNumberTail')} placeholder={t('idNumberTail')} value={s.idNumberTail} maxLength={4}
            onChange={e => setRow(i, { idNumberTail: e.target.value })} />
          <input aria-label={t('duty')} placeholder={t('duty')} value={s.duty} onChange={e => setRow(i, { duty: e.target.value })} />
          {staff.length > 1 && <button type="button" onClick={() => setStaff(staff.filter((_, j) => j !== i))}>{t('removeLine')}</button>}
          {errors['staff[' + i + '].idNumberTail'] && <div className="error">{errors['staff[' + i + '].idNumberTail']}</div>}
        </div>
      ))}
      {errors.staff && <div className="error">{errors.staff}</div>}
      <button type="button" onClick={() => setStaff([...staff, { name: '', idNumberTail: '', duty: '' }])}>{t('addStaff')}</button>
      {message && <p className="error" data-testid="message">{message}</p>}
      <button className="primary" type="submit">{t('submit')}</button>
    </section></form>
  );
}

/** DEV-01, DEV-02: the operator's partner conditions and rules, in force once the authority consents. */
function PartnerRulesForm({ t, rules }: { t: T; rules: any[] }) {
  const [agreements, setAgreements] = useState<any[]>([]);
  const [form, setForm] = useState({ jurisdiction: '', partnerConditions: '', managementRules: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<any[]>('/api/agreements').then(a => { setAgreements(a); if (a[0]) setForm(f => ({ ...f, jurisdiction: a[0].jurisdiction })); })
      .catch(() => undefined);
  }, []);
  const submit = async () => {
    try {
      await api('/api/developers/rules', { method: 'POST', body: JSON.stringify(form) });
      setMessage(t('rulesSubmitted'));
      setErrors({});
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate><section>
      <h2>{t('partnerRules')}</h2>
      {rules.length > 0 && <ul data-testid="rules">{rules.map(r => <li key={r.id}>{new Date(r.submittedAt).toLocaleDateString()}：{r.status === 'CONSENTED' ? '✓' : r.status === 'REFUSED' ? '✗' : '…'}
        {r.decisionNote && <span className="hint">（{r.decisionNote}）</span>}</li>)}</ul>}
      <label htmlFor="rules-jurisdiction">{t('agreement')}</label>
      <select id="rules-jurisdiction" value={form.jurisdiction} onChange={e => setForm({ ...form, jurisdiction: e.target.value })}>
        {agreements.map(a => <option key={a.id} value={a.jurisdiction}>{a.jurisdictionName} · {a.agreementNo}</option>)}</select>
      <label htmlFor="partnerConditions">{t('partnerConditions')}</label>
      <textarea id="partnerConditions" value={form.partnerConditions} onChange={e => setForm({ ...form, partnerConditions: e.target.value })} />
      {errors.partnerConditions && <div className="error">{errors.partnerConditions}</div>}
      <label htmlFor="managementRules">{t('managementRules')}</label>
      <textarea id="managementRules" value={form.managementRules} onChange={e => setForm({ ...form, managementRules: e.target.value })} />
      {errors.managementRules && <div className="error">{errors.managementRules}</div>}
      {message && <p className="hint" data-testid="message">{message}</p>}
      <button className="primary" type="submit">{t('submitRules')}</button>
    </section></form>
  );
}

/** One application: its progress for both parties, and the operator's next step (DEV-05, DEV-06, DEV-08, removal). */
export function DeveloperDetail({ t, id, profile }: { t: T; id: number; profile: Profile }) {
  const [p, setP] = useState<any>(null);
  const [error, setError] = useState('');
  const [input, setInput] = useState<Record<string, string>>({});
  const [filed, setFiled] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const load = () => api<any>(`/api/developers/applications/${id}/progress`).then(setP).catch(e => setError(e.message));
  useEffect(() => { load(); }, [id]);
  if (error) return <section className="error">{error}</section>;
  if (!p) return <section>…</section>;
  const operator = profile.roles.includes('operator') && p.application.operatorCreditCode === profile.creditCode;
  const post = async (path: string, body: unknown) => {
    try {
      await api(`/api/developers/applications/${id}/${path}`, { method: 'POST', body: JSON.stringify(body) });
      setErrors({});
      window.setTimeout(load, 1500);
    } catch (e) {
      setErrors({ ...(e as ApiError).fields, message: (e as ApiError).message });
    }
  };
  const field = (key: string, label: Key, type = 'text') => (
    <><label htmlFor={key}>{t(label)}</label>
      <input id={key} type={type} value={input[key] ?? ''} onChange={e => setInput({ ...input, [key]: e.target.value })} />
      {errors[key] && <div className="error">{errors[key]}</div>}</>
  );
  const status = p.application.status;
  return (
    <ProgressView t={t} title={p.application.developerName + ' → ' + p.application.operatorName} statusLabel={p.statusLabel}
      reason={p.application.decisionReason ?? p.application.endedReason}
      action={operator ? p.operatorAction : p.developerAction} due={[]} timeline={p.timeline ?? []}>
      <section>
        <h2>{t('developerApplication')}</h2>
        <p>{t('capability')}：{p.application.capability}</p>
        <p>{t('noIncidentDeclaration')}：{p.application.noIncidentDeclared ? '✓' : '✗'}</p>
        {p.recommendations.length > 0 && <p data-testid="recommendations">{t('recommendations')}：
          {p.recommendations.map((r: any) => `${r.providerGroup}：${r.reason}`).join('；')}</p>}
        {p.permissionScope && <p data-testid="permission">{t('platformAccess')}：{p.permissionScope}
          {p.permission?.closedAt && <>（{p.permission.closeReason}）</>}</p>}
        <h3>{t('staffList')}</h3>
        <ul>{p.staff.map((s: any) => <li key={s.id}>{s.position}. {s.name}（****{s.idNumberTail}）{s.duty}
          {s.confidentialitySignedOn && <span className="hint">（{t('confidentialitySignedOn')} {s.confidentialitySignedOn}）</span>}
          {operator && status === 'SIGNED' && <input type="date" aria-label={t('confidentialitySignedOn') + ' ' + s.name}
            value={filed[s.id] ?? ''} onChange={e => setFiled({ ...filed, [s.id]: e.target.value })} />}
          {errors['staff[' + (s.position - 1) + ']'] && <div className="error">{errors['staff[' + (s.position - 1) + ']']}</div>}
        </li>)}</ul>
      </section>
      {operator && status === 'IN_REVIEW' && <section><h2>{t('decideDeveloper')}</h2>
        {field('reason', 'decisionReason')}
        <button className="primary" onClick={() => post('decision', { approve: true, reason: input.reason })}>{t('approveDeveloper')}</button>
        <button onClick={() => post('decision', { approve: false, reason: input.reason })}>{t('refuseDeveloper')}</button></section>}
      {operator && status === 'APPROVED' && <section><h2>{t('developmentAgreement')}</h2>
        {field('agreementNo', 'agreementNo')}{field('signedOn', 'signedOn', 'date')}{field('endsOn', 'devEndsOn', 'date')}
        <button className="primary" onClick={() => post('agreement', { agreementNo: input.agreementNo, signedOn: input.signedOn || null,
          endsOn: input.endsOn || null })}>{t('submit')}</button></section>}
      {operator && status === 'SIGNED' && <section><h2>{t('staffFiling')}</h2><p className="hint">{t('staffFilingHint')}</p>
        <button className="primary" onClick={() => post('staff-filing', { staff: p.staff.map((s: any) => ({ staffId: s.id,
          identityVerified: !!filed[s.id], confidentialitySignedOn: filed[s.id] || null })) })}>{t('submit')}</button></section>}
      {operator && status === 'ACCESS_OPEN' && <section><h2>{t('removeDeveloper')}</h2>
        {field('removal', 'removalReason')}
        <button onClick={() => post('removal', { reason: input.removal })}>{t('removeDeveloper')}</button></section>}
      {!operator && status === 'REFUSED' && <AppealForm t={t} applicationId={id} />}
      {errors.message && <section className="error" data-testid="message">{errors.message}</section>}
    </ProgressView>
  );
}

/** APL-01, APL-02: the refused developer appeals to the authority and follows its appeal; one appeal per decision. */
function AppealForm({ t, applicationId }: { t: T; applicationId: number }) {
  const [grounds, setGrounds] = useState('');
  const [material, setMaterial] = useState('');
  const [appeal, setAppeal] = useState<any>(null);
  const [error, setError] = useState('');
  const key = 'appeal-of-' + applicationId;
  const load = (id: string) => api<any>('/api/appeals/' + id).then(setAppeal).catch(() => undefined);
  useEffect(() => { const id = localStorage.getItem(key); if (id) load(id); }, [applicationId]);
  const fail = (e: unknown) => setError((e as ApiError).message);
  const file = async () => {
    try {
      const saved = await api<{ id: number }>('/api/appeals', { method: 'POST', body: JSON.stringify({ applicationId, grounds }) });
      localStorage.setItem(key, String(saved.id));
      setError('');
      window.setTimeout(() => load(String(saved.id)), 1500);
    } catch (e) { fail(e); }
  };
  const addMaterial = async () => {
    try {
      await api(`/api/appeals/${appeal.appeal.id}/material`, { method: 'POST', body: JSON.stringify({ material }) });
      window.setTimeout(() => load(String(appeal.appeal.id)), 1500);
    } catch (e) { fail(e); }
  };
  return (
    <section><h2>{t('appeal')}</h2>
      {!appeal && <>
        <label htmlFor="grounds">{t('appealGrounds')}</label>
        <textarea id="grounds" value={grounds} onChange={e => setGrounds(e.target.value)} />
        <button className="primary" onClick={file}>{t('fileAppeal')}</button></>}
      {appeal && <>
        <p>{t('status')}：<strong data-testid="appeal-status">{appeal.statusLabel}</strong>
          {appeal.appeal.decisionReason && <>（{appeal.appeal.decisionReason}）</>}</p>
        {appeal.appeal.materialRequested && !appeal.appeal.material && <>
          <p className="hint">{appeal.appeal.materialRequested}</p>
          <textarea aria-label={t('appealMaterial')} value={material} onChange={e => setMaterial(e.target.value)} />
          <button onClick={addMaterial}>{t('appealMaterial')}</button></>}
        <ul>{(appeal.timeline ?? []).map((e: any, i: number) => <li key={i}>{new Date(e.at).toLocaleString()} {e.title}</li>)}</ul></>}
      {error && <div className="error" data-testid="appeal-error">{error}</div>}
    </section>
  );
}
