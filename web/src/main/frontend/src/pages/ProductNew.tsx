import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

const KINDS = ['DATASET', 'API', 'MODEL', 'REPORT', 'APPLICATION'] as const;
const COSTS = ['INFRASTRUCTURE', 'DATA_GOVERNANCE', 'MODEL_PUBLISHING', 'RESULT_EXPORT', 'SECURITY_SERVICES', 'PLATFORM_CONNECTION', 'PLATFORM_USE', 'OTHER'] as const;

interface Cost { item: string; amountYuan: string; note: string }

/** A data product or service under an approved scenario, with its costs and fee (明码标价), checked at each field. */
export function ProductNew({ t, scenarioId }: { t: (k: Key) => string; scenarioId: number }) {
  const [scenario, setScenario] = useState<any>(null);
  const [form, setForm] = useState({ name: '', kind: 'API', description: '', resources: [] as string[], developmentPlan: '',
    aiBased: false, aiAssessment: '', purpose: 'INDUSTRY', deliverable: '', rawData: false, expectedYearlyVolume: '',
    feeYuan: '', feeUnit: '次', complianceReview: '', complianceReviewer: '' });
  const [costs, setCosts] = useState<Cost[]>([{ item: 'SECURITY_SERVICES', amountYuan: '', note: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => { api<any>(`/api/scenarios/${scenarioId}`).then(setScenario).catch(e => setMessage(e.message)); }, [scenarioId]);
  const set = (field: string, value: unknown) => {
    setForm(f => ({ ...f, [field]: value }));
    setErrors(e => ({ ...e, [field]: '' }));
  };
  const submit = async () => {
    const local: Record<string, string> = {};
    for (const f of ['name', 'description', 'developmentPlan', 'deliverable', 'complianceReview', 'complianceReviewer', 'feeUnit'] as const) {
      if (!String(form[f]).trim()) local[f] = t('required');
    }
    if (form.resources.length === 0) local.resources = t('chooseResource');
    if (form.aiBased && !form.aiAssessment.trim()) local.aiAssessment = t('required');
    if (!(Number(form.expectedYearlyVolume) > 0)) local.expectedYearlyVolume = t('required');
    if (form.feeYuan === '' || Number(form.feeYuan) < 0) local.feeYuan = t('required');
    if (form.purpose === 'PUBLIC_WELFARE' && Number(form.feeYuan) > 0) local.feeYuan = t('welfareIsFree');
    setErrors(local);
    if (Object.keys(local).length > 0) { setMessage(t('fixErrors')); return; }
    try {
      const saved = await api<{ id: number }>('/api/products', { method: 'POST', body: JSON.stringify({
        ...form, scenarioId, expectedYearlyVolume: Number(form.expectedYearlyVolume), feeYuan: form.feeYuan,
        costItems: costs.map(c => ({ item: c.item, amountYuan: c.amountYuan || '0', note: c.note })) }) });
      window.location.hash = '#/products/' + saved.id;
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  if (!scenario) return <section>{message || '…'}</section>;
  const err = (f: string) => errors[f] ? <div className="error" data-testid={'error-' + f}>{errors[f]}</div> : null;
  const text = (f: 'name' | 'feeUnit' | 'complianceReviewer') => (
    <div className={errors[f] ? 'invalid' : ''}><label htmlFor={f}>{t(f === 'name' ? 'productName' : f)}</label>
      <input id={f} type="text" value={form[f]} onChange={e => set(f, e.target.value)} />{err(f)}</div>);
  const area = (f: 'description' | 'developmentPlan' | 'deliverable' | 'complianceReview' | 'aiAssessment') => (
    <div className={errors[f] ? 'invalid' : ''}><label htmlFor={f}>{t(f)}</label>
      <textarea id={f} value={form[f]} onChange={e => set(f, e.target.value)} />{err(f)}</div>);
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate>
      <section>
        <h2>{t('newProduct')}：{scenario.name}</h2>
        {text('name')}
        <label htmlFor="kind">{t('kind')}</label>
        <select id="kind" value={form.kind} onChange={e => set('kind', e.target.value)}>
          {KINDS.map(k => <option key={k} value={k}>{t(('kind_' + k) as Key)}</option>)}</select>
        {area('description')}
        <fieldset><legend>{t('resources')}</legend>
          {scenario.lines.filter((l: any) => l.approved).map((l: any) => (
            <label key={l.resourceCode} className="inline"><input type="checkbox" checked={form.resources.includes(l.resourceCode)}
              onChange={e => set('resources', e.target.checked ? [...form.resources, l.resourceCode] : form.resources.filter(c => c !== l.resourceCode))} />
              {l.providerName}：{l.resourceName}</label>))}
        </fieldset>{err('resources')}
        {area('developmentPlan')}
        <label className="inline"><input type="checkbox" checked={form.aiBased} onChange={e => set('aiBased', e.target.checked)} /> {t('aiBased')}</label>
        {form.aiBased && area('aiAssessment')}
        {area('deliverable')}
        <label className="inline"><input type="checkbox" checked={form.rawData} onChange={e => set('rawData', e.target.checked)} /> {t('rawData')}</label>
        {err('rawData')}
      </section>
      <section>
        <h2>{t('pricing')}</h2>
        <fieldset><legend>{t('purpose')}</legend>
          <label className="inline"><input type="radio" name="purpose" checked={form.purpose === 'PUBLIC_WELFARE'}
            onChange={() => { set('purpose', 'PUBLIC_WELFARE'); set('feeYuan', '0'); }} /> {t('purposeWelfare')}</label>
          <label className="inline"><input type="radio" name="purpose" checked={form.purpose === 'INDUSTRY'}
            onChange={() => set('purpose', 'INDUSTRY')} /> {t('purposeIndustry')}</label></fieldset>
        <h3>{t('costItems')}</h3>
        {costs.map((c, i) => (
          <div key={i} className="row">
            <select aria-label={t('costItems')} value={c.item} onChange={e => setCosts(cs => cs.map((x, j) => j === i ? { ...x, item: e.target.value } : x))}>
              {COSTS.map(k => <option key={k} value={k}>{t(('cost_' + k) as Key)}</option>)}</select>
            <input type="number" min="0" step="0.01" aria-label={t('amountYuan')} placeholder={t('amountYuan')} value={c.amountYuan}
              onChange={e => setCosts(cs => cs.map((x, j) => j === i ? { ...x, amountYuan: e.target.value } : x))} />
            <button type="button" onClick={() => setCosts(cs => cs.filter((_, j) => j !== i))}>{t('removeLine')}</button>
            {err(`costItems[${i}].amountYuan`)}
          </div>))}
        <button type="button" onClick={() => setCosts(cs => [...cs, { item: 'OTHER', amountYuan: '', note: '' }])}>{t('addLine')}</button>
        <label htmlFor="expectedYearlyVolume">{t('expectedYearlyVolume')}</label>
        <input id="expectedYearlyVolume" type="number" min="1" value={form.expectedYearlyVolume} onChange={e => set('expectedYearlyVolume', e.target.value)} />
        {err('expectedYearlyVolume')}
        <label htmlFor="feeYuan">{t('feeYuan')}</label>
        <input id="feeYuan" type="number" min="0" step="0.01" value={form.feeYuan} disabled={form.purpose === 'PUBLIC_WELFARE'}
          onChange={e => set('feeYuan', e.target.value)} />{err('feeYuan')}
        {text('feeUnit')}
      </section>
      <section>
        <h2>{t('complianceReview')}</h2>
        {area('complianceReview')}{text('complianceReviewer')}
        {message && <p className="error" data-testid="message">{message}</p>}
        <button className="primary" type="submit">{t('submitProduct')}</button>
      </section>
    </form>
  );
}
