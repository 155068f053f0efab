import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { CHOICE_LABELS, FREQUENCIES, USAGES, type Key, type Lang } from '../i18n';
import { emptyLine, emptyScenario, toScenarioForm, validateScenario, type ScenarioDraft } from '../scenarioForm';

interface Resource { code: string; name: string; providerName: string; provinceReturned: boolean }
interface Agreement { id: number; agreementNo: string; jurisdiction: string; jurisdictionName: string; endsOn: string;
  refusal: string | null; priorityDomains: string[]; grantedResources: Resource[] }

/**
 * A scenario with its data-demand list, or its 补正. The list offers only the resources the agreement authorizes
 * (CAT-11); the profile's priority domains come first, "other" is allowed (SCN-12). A field is checked again as soon
 * as it changes, so a corrected field loses its message at once.
 */
export function ScenarioNew({ t, lang, scenarioId }: { t: (k: Key) => string; lang: Lang; scenarioId?: number }) {
  const [agreements, setAgreements] = useState<Agreement[] | null>(null);
  const [draft, setDraft] = useState<ScenarioDraft>(emptyScenario(''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const tried = useRef(false);

  useEffect(() => {
    (async () => {
      const mine = await api<Agreement[]>('/api/agreements');
      setAgreements(mine);
      if (scenarioId) {
        const s = await api<any>(`/api/scenarios/${scenarioId}`);
        const domains = mine.find(a => a.jurisdiction === s.jurisdiction)?.priorityDomains ?? [];
        setDraft({ jurisdiction: s.jurisdiction, name: s.name, domain: domains.includes(s.domain) ? s.domain : 'other',
          otherDomain: domains.includes(s.domain) ? '' : s.domain.replace(/^其他：/, ''), purpose: s.purpose,
          constructionPlan: s.constructionPlan, riskAssessment: s.riskAssessment, securityMeasures: s.securityMeasures,
          lines: s.lines.map((l: any) => ({ resourceCode: l.resourceCode, fields: l.fields, usage: l.usage, frequency: l.frequency,
            periodFrom: l.periodFrom, periodTo: l.periodTo })) });
      } else {
        const usable = mine.find(a => !a.refusal);
        if (usable) setDraft(emptyScenario(usable.jurisdiction));
      }
    })().catch(e => setMessage(e.message));
  }, [scenarioId]);

  const recheck = (next: ScenarioDraft) => {
    if (!tried.current) return;
    const local = validateScenario(next);
    setErrors(old => Object.fromEntries(Object.keys({ ...old, ...local })
      .map(f => [f, local[f] ? t(local[f]) : ''])));
  };
  const change = (next: ScenarioDraft) => { setDraft(next); recheck(next); };
  const set = <F extends keyof ScenarioDraft>(field: F, value: ScenarioDraft[F]) => change({ ...draft, [field]: value });
  const setLine = (i: number, field: string, value: string) =>
    change({ ...draft, lines: draft.lines.map((l, j) => (j === i ? { ...l, [field]: value } : l)) });
  const err = (f: string) => errors[f] ? <div className="error" data-testid={'error-' + f}>{errors[f]}</div> : null;

  const submit = async () => {
    tried.current = true;
    const local = validateScenario(draft);
    setErrors(Object.fromEntries(Object.entries(local).map(([f, k]) => [f, t(k)])));
    if (Object.keys(local).length > 0) { setMessage(t('fixErrors')); return; }
    setBusy(true);
    setMessage(t('submitting'));
    try {
      const saved = await api<{ id: number }>(scenarioId ? `/api/scenarios/${scenarioId}/supplement` : '/api/scenarios',
        { method: 'POST', body: JSON.stringify(toScenarioForm(draft)) });
      window.location.hash = '#/scenarios/' + saved.id;
    } catch (e) {
      const problem = e as ApiError;
      setErrors(problem.fields ?? {});
      setMessage(problem.message);
    } finally {
      setBusy(false);
    }
  };

  if (!agreements) return <section>{message || '…'}</section>;
  if (agreements.length === 0) return <section><p>{t('noAgreement')}</p></section>;
  const agreement = agreements.find(a => a.jurisdiction === draft.jurisdiction);
  const resources = agreement?.grantedResources ?? [];
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate>
      <section>
        <h2>{scenarioId ? t('supplement') : t('newScenario')}</h2>
        <label htmlFor="agreement">{t('agreement')}</label>
        <select id="agreement" value={draft.jurisdiction} disabled={!!scenarioId}
          onChange={e => change({ ...emptyScenario(e.target.value), name: draft.name })}>
          {agreements.map(a => <option key={a.id} value={a.jurisdiction} disabled={!!a.refusal}>
            {a.jurisdictionName} · {a.agreementNo}（{a.endsOn}）{a.refusal ? ' — ' + a.refusal : ''}</option>)}
        </select>
        {err('jurisdiction')}
        <div className={errors.name ? 'invalid' : ''}>
          <label htmlFor="name">{t('scenarioName')}</label>
          <input id="name" type="text" value={draft.name} onChange={e => set('name', e.target.value)} />{err('name')}
        </div>
        <label htmlFor="domain">{t('domain')}</label>
        <select id="domain" value={draft.domain} onChange={e => set('domain', e.target.value)}>
          <option value="">{t('chooseOne')}</option>
          {(agreement?.priorityDomains ?? []).map(d => <option key={d} value={d}>{d}（{t('priority')}）</option>)}
          <option value="other">{t('otherDomain')}</option>
        </select>
        {draft.domain === 'other' && <input id="otherDomain" type="text" aria-label={t('otherDomain')} value={draft.otherDomain}
          onChange={e => set('otherDomain', e.target.value)} />}
        {err('domain')}
        <fieldset>
          <legend>{t('purpose')}</legend>
          <label className="inline"><input type="radio" name="purpose" value="PUBLIC_WELFARE" checked={draft.purpose === 'PUBLIC_WELFARE'}
            onChange={() => set('purpose', 'PUBLIC_WELFARE')} /> {t('purposeWelfare')}</label>
          <label className="inline"><input type="radio" name="purpose" value="INDUSTRY" checked={draft.purpose === 'INDUSTRY'}
            onChange={() => set('purpose', 'INDUSTRY')} /> {t('purposeIndustry')}</label>
        </fieldset>
        {err('purpose')}
        {(['constructionPlan', 'riskAssessment', 'securityMeasures'] as const).map(f => (
          <div key={f} className={errors[f] ? 'invalid' : ''}>
            <label htmlFor={f}>{t(f)}</label>
            <textarea id={f} value={draft[f]} onChange={e => set(f, e.target.value)} />{err(f)}
          </div>
        ))}
      </section>
      <section>
        <h2>{t('demandList')}</h2>
        {err('lines')}
        {draft.lines.map((l, i) => (
          <div key={i} className="line" data-testid={'line-' + i}>
            <strong>{i + 1}.</strong>
            <label htmlFor={`line-${i}-resource`}>{t('resource')}</label>
            <select id={`line-${i}-resource`} value={l.resourceCode} onChange={e => setLine(i, 'resourceCode', e.target.value)}>
              <option value="">{t('chooseOne')}</option>
              {resources.map(r => <option key={r.code} value={r.code}>{r.providerName}：{r.name}{r.provinceReturned ? `（${t('provinceReturned')}）` : ''}</option>)}
            </select>
            {err(`lines[${i}].resourceCode`)}
            <label htmlFor={`line-${i}-fields`}>{t('fields')}</label>
            <input id={`line-${i}-fields`} type="text" value={l.fields} onChange={e => setLine(i, 'fields', e.target.value)} />
            {err(`lines[${i}].fields`)}
            <div className="row">
              <span><label htmlFor={`line-${i}-usage`}>{t('usage')}</label>
                <select id={`line-${i}-usage`} value={l.usage} onChange={e => setLine(i, 'usage', e.target.value)}>
                  {USAGES.map(u => <option key={u} value={u}>{CHOICE_LABELS[lang][u]}</option>)}</select></span>
              <span><label htmlFor={`line-${i}-frequency`}>{t('frequency')}</label>
                <select id={`line-${i}-frequency`} value={l.frequency} onChange={e => setLine(i, 'frequency', e.target.value)}>
                  {FREQUENCIES.map(f => <option key={f} value={f}>{CHOICE_LABELS[lang][f]}</option>)}</select></span>
              <span><label htmlFor={`line-${i}-from`}>{t('periodFrom')}</label>
                <input id={`line-${i}-from`} type="date" value={l.periodFrom} onChange={e => setLine(i, 'periodFrom', e.target.value)} /></span>
              <span><label htmlFor={`line-${i}-to`}>{t('periodTo')}</label>
                <input id={`line-${i}-to`} type="date" value={l.periodTo} max={agreement?.endsOn}
                  onChange={e => setLine(i, 'periodTo', e.target.value)} /></span>
            </div>
            {err(`lines[${i}].periodFrom`)}{err(`lines[${i}].periodTo`)}
            {draft.lines.length > 1 && <button type="button" onClick={() => change({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })}>
              {t('removeLine')}</button>}
          </div>
        ))}
        <button type="button" data-testid="add-line" onClick={() => change({ ...draft, lines: [...draft.lines, emptyLine()] })}>{t('addLine')}</button>
      </section>
      <section>
        {message && <p className={Object.values(errors).some(Boolean) ? 'error' : 'hint'} data-testid="message">{message}</p>}
        <button className="primary" type="submit" disabled={busy || !agreement || !!agreement.refusal}>
          {scenarioId ? t('submitSupplement') : t('submitScenario')}</button>
      </section>
    </form>
  );
}
