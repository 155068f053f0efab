import { useEffect, useState } from 'react';
import { api, ApiError, upload } from '../api';
import type { Key } from '../i18n';
import { ProgressView, type Due } from '../components/ProgressView';
import { EmergencyPlans } from './EmergencyPlans';

type T = (k: Key) => string;

interface Summary {
  agreementId: number; agreementNo: string; jurisdiction: string; jurisdictionName: string; companyName: string;
  startsOn: string; endsOn: string; stateLabel: string; refusal: string | null;
}
interface Change { from: string | null; to: string; cause: string; causeSubject?: string; actor: string; at: string; toLabel?: string }
interface Item { kind: 'evaluation' | 'rectification' | 'exit'; id: number; title: string; statusLabel: string; detail: string | null; open: boolean }
interface Overview {
  agreement: Summary; profileVersionLabel: string; renewalProcedure: string; lastDayToRenew: string | null;
  renewalByApplication: boolean; exitPlanAhead: boolean; earlyTerminationNeedsLiability: boolean;
  businessTargets: string | null; rectificationDays: number | null;
  states: Change[]; permissions: Change[]; renewals: { id: number; status: string; reason: string; newEndsOn: string | null }[];
  flows: Item[]; ledger: { periodFrom: string; periodTo: string; revenueYuan: number; capYuan: number | null; over: boolean; overByYuan: number }[];
  due: Due[]; timeline: { at: string; title: string; detail: string | null; actor: string | null }[];
}

const JURISDICTIONS = ['jingdezhen', 'chizhou', 'xianning', 'xinchang', 'yangxin'];

function useForm<F extends Record<string, unknown>>(initial: F) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const send = async (call: () => Promise<unknown>, after: () => void) => {
    try {
      await call();
      setErrors({});
      setMessage('');
      after();
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  const err = (f: string) => errors[f] ? <div className="error">{errors[f]}</div> : null;
  return { form, setForm, send, err, message };
}

/** Files uploaded for a step; the authority's go to its evidence store, the operator's to its own documents. */
function Files({ t, ids, setIds, evidence }: { t: T; ids: number[]; setIds: (ids: number[]) => void; evidence?: boolean }) {
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <label className="file-label">{evidence ? t('evidenceFiles') : t('documents')}
      <span className="file-button">{t('chooseFile')}
        <input className="file-input" type="file" accept="application/pdf,image/png,image/jpeg" onChange={async e => {
          const file = e.target.files?.[0];
          if (!file) return;
          const stored = await upload(file, setPercent, evidence ? '/api/lifecycle/evidence' : '/api/documents');
          setPercent(null);
          setIds([...ids, stored.id]);
        }} /></span>
      <span className="hint">{percent !== null ? `${t('uploading')} ${percent}%` : ids.length ? `${t('uploaded')} ${ids.join('、')}` : t('noFileChosen')}</span>
    </label>
  );
}

/** The operator's agreements, or the authority's list for a jurisdiction, each with its state. */
export function Agreements({ t, operator }: { t: T; operator: boolean }) {
  const [jurisdiction, setJurisdiction] = useState('chizhou');
  const [list, setList] = useState<Summary[]>([]);
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<Summary[]>('/api/lifecycle/agreements' + (operator ? '' : '?jurisdiction=' + jurisdiction)).then(setList).catch(e => setMessage(e.message));
  }, [operator, jurisdiction]);
  return (
    <section>
      <h2>{t('lifecycle')}</h2>
      {!operator && <label>{t('jurisdiction')}<select value={jurisdiction} onChange={e => setJurisdiction(e.target.value)}>
        {JURISDICTIONS.map(j => <option key={j} value={j}>{j}</option>)}</select></label>}
      {message && <p className="error">{message}</p>}
      {list.length === 0 ? <p>{t('noFlows')}</p> : (
        <table data-testid="agreements">
          <thead><tr><th>{t('agreement')}</th><th>{t('companyName')}</th><th>{t('agreementState')}</th><th>{t('endsOn')}</th><th /></tr></thead>
          <tbody>{list.map(a => (
            <tr key={a.agreementId}>
              <td>{a.agreementNo}<div className="hint">{a.jurisdictionName}</div></td><td>{a.companyName}</td>
              <td data-testid={'state-' + a.agreementId}>{a.stateLabel}{a.refusal && <div className="hint">{a.refusal}</div>}</td>
              <td>{a.endsOn}</td><td><a href={'#/lifecycle/' + a.agreementId}>{t('view')}</a></td>
            </tr>))}</tbody>
        </table>
      )}
    </section>
  );
}

/** One agreement's life: state and history, what is due across its flows, the operator's and the authority's actions. */
export function AgreementLifecycle({ t, id, operator, authority }: { t: T; id: number; operator: boolean; authority: boolean }) {
  const [o, setO] = useState<Overview | null>(null);
  const [error, setError] = useState('');
  const load = () => api<Overview>('/api/lifecycle/agreements/' + id).then(setO).catch(e => setError(e.message));
  useEffect(() => { load(); }, [id]);
  if (error) return <section className="error">{error}</section>;
  if (!o) return <section>…</section>;
  const a = o.agreement;
  return (
    <ProgressView t={t} title={`${a.agreementNo}（${a.companyName}）`} statusLabel={a.stateLabel} reason={a.refusal}
      action={`${t('profileVersion')}：${o.profileVersionLabel}；${t('renewalProcedure')}：${o.renewalProcedure}${o.lastDayToRenew ? '；' + t('lastDayToRenew') + ' ' + o.lastDayToRenew : ''}`}
      due={o.due} timeline={o.timeline}>
      <section>
        <h2>{t('flows')}</h2>
        {o.flows.length === 0 ? <p>{t('noFlows')}</p> : (
          <table data-testid="flows"><tbody>{o.flows.map(f => (
            <tr key={f.kind + f.id}><td><a href={`#/${f.kind}s/${f.id}`}>{f.title}</a></td><td>{f.statusLabel}</td><td className="hint">{f.detail}</td></tr>
          ))}</tbody></table>
        )}
      </section>
      <section>
        <h2>{t('stateHistory')}</h2>
        <table data-testid="state-history"><tbody>{o.states.map((c, i) => (
          <tr key={i}><td>{new Date(c.at).toLocaleString()}</td><td>{c.toLabel ?? c.to}</td><td>{c.cause}</td><td>{c.actor}</td></tr>
        ))}</tbody></table>
        <h2>{t('permissionHistory')}</h2>
        <table><tbody>{o.permissions.map((c, i) => (
          <tr key={i}><td>{new Date(c.at).toLocaleString()}</td><td>{c.from ?? '—'} → {c.to}</td><td>{c.cause}</td><td>{c.actor}</td></tr>
        ))}</tbody></table>
      </section>
      {o.ledger.length > 0 && <section>
        <h2>{t('ledger')}</h2>
        <table><thead><tr><th>{t('period')}</th><th>{t('revenue')}</th><th>{t('cap')}</th><th>{t('overCap')}</th></tr></thead>
          <tbody>{o.ledger.map((r, i) => (
            <tr key={i}><td>{r.periodFrom} ~ {r.periodTo}</td><td>{r.revenueYuan}</td><td>{r.capYuan ?? '—'}</td>
              <td className={r.over ? 'overdue' : ''}>{r.over ? r.overByYuan : '—'}</td></tr>))}</tbody></table>
      </section>}
      <EmergencyPlans t={t} agreementId={a.agreementId} operator={operator} />
      {operator && <OperatorActions t={t} o={o} reload={load} />}
      {authority && <AuthorityActions t={t} o={o} reload={load} />}
    </ProgressView>
  );
}

function OperatorActions({ t, o, reload }: { t: T; o: Overview; reload: () => void }) {
  const id = o.agreement.agreementId;
  const renewal = useForm({ reason: '' });
  const early = useForm({ reason: '', exitDate: '', liabilityAccepted: false, liabilityStatement: '', plan: '' });
  const ahead = useForm({ plan: '' });
  const [planDocs, setPlanDocs] = useState<number[]>([]);
  return (
    <section>
      <h2>{t('operatorActions')}</h2>
      {o.renewalByApplication && <form onSubmit={e => { e.preventDefault();
        renewal.send(() => api(`/api/lifecycle/agreements/${id}/renewal`, { method: 'POST', body: JSON.stringify(renewal.form) }), reload); }} noValidate>
        <h3>{t('renewal')}</h3>
        <label htmlFor="renewal-reason">{t('renewalReason')}</label>
        <textarea id="renewal-reason" value={renewal.form.reason} onChange={e => renewal.setForm({ reason: e.target.value })} />
        {renewal.err('reason')}{renewal.message && <p className="error" data-testid="renewal-message">{renewal.message}</p>}
        <button className="primary" type="submit">{t('applyRenewal')}</button>
      </form>}
      {o.exitPlanAhead && <form onSubmit={e => { e.preventDefault();
        ahead.send(() => api('/api/exits/plan-ahead', { method: 'POST', body: JSON.stringify({ agreementId: id, plan: ahead.form.plan, documentIds: planDocs }) }), reload); }} noValidate>
        <h3>{t('exitPlanAhead')}</h3>
        <label htmlFor="plan-ahead">{t('exitPlan')}</label>
        <textarea id="plan-ahead" value={ahead.form.plan} onChange={e => ahead.setForm({ plan: e.target.value })} />
        <Files t={t} ids={planDocs} setIds={setPlanDocs} />
        {ahead.err('plan')}{ahead.message && <p className="error">{ahead.message}</p>}
        <button className="primary" type="submit">{t('fileExitPlan')}</button>
      </form>}
      <form onSubmit={e => { e.preventDefault();
        early.send(() => api('/api/exits', { method: 'POST', body: JSON.stringify({ agreementId: id, trigger: 'EARLY_TERMINATION', ...early.form,
          exitDate: early.form.exitDate || null, plan: early.form.plan || null }) }), reload); }} noValidate>
        <h3>{t('earlyTermination')}</h3>
        <label htmlFor="early-reason">{t('reason')}</label>
        <textarea id="early-reason" value={early.form.reason} onChange={e => early.setForm({ ...early.form, reason: e.target.value })} />
        {early.err('reason')}
        <label htmlFor="early-date">{t('exitDate')}</label>
        <input id="early-date" type="date" value={early.form.exitDate} onChange={e => early.setForm({ ...early.form, exitDate: e.target.value })} />
        {early.err('exitDate')}
        {o.earlyTerminationNeedsLiability && <>
          <label className="inline"><input type="checkbox" checked={early.form.liabilityAccepted}
            onChange={e => early.setForm({ ...early.form, liabilityAccepted: e.target.checked })} />{t('acceptLiability')}</label>
          <label htmlFor="early-liability">{t('liabilityStatement')}</label>
          <textarea id="early-liability" value={early.form.liabilityStatement} onChange={e => early.setForm({ ...early.form, liabilityStatement: e.target.value })} />
          {early.err('liabilityAccepted')}
        </>}
        {o.exitPlanAhead && <><label htmlFor="early-plan">{t('exitPlan')}</label>
          <textarea id="early-plan" value={early.form.plan} onChange={e => early.setForm({ ...early.form, plan: e.target.value })} /></>}
        {early.message && <p className="error" data-testid="early-message">{early.message}</p>}
        <button className="primary" type="submit">{t('earlyTermination')}</button>
      </form>
    </section>
  );
}

function AuthorityActions({ t, o, reload }: { t: T; o: Overview; reload: () => void }) {
  const id = o.agreement.agreementId;
  const rect = useForm({ trigger: 'BREACH', problems: '', evidence: '', deadline: '' });
  const [rectDocs, setRectDocs] = useState<number[]>([]);
  const exit = useForm({ trigger: 'BREACH', reason: '', evidence: '' });
  const [exitDocs, setExitDocs] = useState<number[]>([]);
  const insp = useForm({ inspectedOn: '', areas: '', departments: '', findings: '', orderRectification: false, deadline: '' });
  const terms = useForm({ businessTargets: o.businessTargets ?? '', rectificationDays: o.rectificationDays ?? '' as number | '' });
  const date = (v: string) => v || null;
  return (
    <section>
      <h2>{t('authorityActions')}</h2>
      <form onSubmit={e => { e.preventDefault(); rect.send(() => api('/api/rectifications', { method: 'POST', body: JSON.stringify({
        agreementId: id, ...rect.form, deadline: date(rect.form.deadline), evidenceDocumentIds: rectDocs }) }), reload); }} noValidate>
        <h3>{t('orderRectification')}</h3>
        <label>{t('trigger')}<select value={rect.form.trigger} onChange={e => rect.setForm({ ...rect.form, trigger: e.target.value })}>
          <option value="BREACH">违反授权运营协议</option><option value="TARGETS_MISSED">未达到协议约定的经营目标</option></select></label>
        {rect.err('trigger')}
        <label htmlFor="rect-problems">{t('problems')}</label>
        <textarea id="rect-problems" value={rect.form.problems} onChange={e => rect.setForm({ ...rect.form, problems: e.target.value })} />
        {rect.err('problems')}
        <label htmlFor="rect-evidence">{t('evidence')}</label>
        <textarea id="rect-evidence" value={rect.form.evidence} onChange={e => rect.setForm({ ...rect.form, evidence: e.target.value })} />
        <Files t={t} ids={rectDocs} setIds={setRectDocs} evidence />
        {rect.err('evidence')}
        <label htmlFor="rect-deadline">{t('deadlineIfNone')}</label>
        <input id="rect-deadline" type="date" value={rect.form.deadline} onChange={e => rect.setForm({ ...rect.form, deadline: e.target.value })} />
        {rect.err('deadline')}{rect.message && <p className="error">{rect.message}</p>}
        <button className="primary" type="submit">{t('orderRectification')}</button>
      </form>
      <form onSubmit={e => { e.preventDefault(); exit.send(() => api('/api/exits', { method: 'POST', body: JSON.stringify({
        agreementId: id, ...exit.form, evidenceDocumentIds: exitDocs }) }), reload); }} noValidate>
        <h3>{t('startExit')}</h3>
        <label>{t('trigger')}<select value={exit.form.trigger} onChange={e => exit.setForm({ ...exit.form, trigger: e.target.value })}>
          <option value="BREACH">违反授权运营协议</option><option value="TARGETS_MISSED">未达到经营目标且未按要求整改</option>
          <option value="VIOLATION">其他违反法律法规或政策规定的情形</option><option value="SECURITY_INCIDENT">数据安全事件造成不良影响或严重后果</option></select></label>
        {exit.err('trigger')}
        <label htmlFor="exit-reason">{t('reason')}</label>
        <textarea id="exit-reason" value={exit.form.reason} onChange={e => exit.setForm({ ...exit.form, reason: e.target.value })} />
        {exit.err('reason')}
        <label htmlFor="exit-evidence">{t('evidence')}</label>
        <textarea id="exit-evidence" value={exit.form.evidence} onChange={e => exit.setForm({ ...exit.form, evidence: e.target.value })} />
        <Files t={t} ids={exitDocs} setIds={setExitDocs} evidence />
        {exit.err('evidence')}{exit.message && <p className="error">{exit.message}</p>}
        <button className="primary" type="submit">{t('startExit')}</button>
      </form>
      <form onSubmit={e => { e.preventDefault(); insp.send(() => api('/api/inspections', { method: 'POST', body: JSON.stringify({
        agreementId: id, ...insp.form, inspectedOn: date(insp.form.inspectedOn), deadline: date(insp.form.deadline) }) }), reload); }} noValidate>
        <h3>{t('inspection')}</h3>
        <label htmlFor="insp-on">{t('inspectedOn')}</label>
        <input id="insp-on" type="date" value={insp.form.inspectedOn} onChange={e => insp.setForm({ ...insp.form, inspectedOn: e.target.value })} />
        {insp.err('inspectedOn')}
        {(['areas', 'departments', 'findings'] as const).map(f => <div key={f}>
          <label htmlFor={'insp-' + f}>{t(f)}</label>
          <textarea id={'insp-' + f} value={insp.form[f]} onChange={e => insp.setForm({ ...insp.form, [f]: e.target.value })} />{insp.err(f)}</div>)}
        <label className="inline"><input type="checkbox" checked={insp.form.orderRectification}
          onChange={e => insp.setForm({ ...insp.form, orderRectification: e.target.checked })} />{t('alsoRectify')}</label>
        {insp.message && <p className="error">{insp.message}</p>}
        <button className="primary" type="submit">{t('inspection')}</button>
      </form>
      <form onSubmit={e => { e.preventDefault(); terms.send(() => api(`/api/lifecycle/agreements/${id}/terms`, { method: 'PUT', body: JSON.stringify({
        businessTargets: terms.form.businessTargets, rectificationDays: terms.form.rectificationDays === '' ? null : Number(terms.form.rectificationDays) }) }), reload); }} noValidate>
        <h3>{t('terms')}</h3>
        <label htmlFor="terms-targets">{t('businessTargets')}</label>
        <textarea id="terms-targets" value={terms.form.businessTargets} onChange={e => terms.setForm({ ...terms.form, businessTargets: e.target.value })} />
        <label htmlFor="terms-days">{t('rectificationDays')}</label>
        <input id="terms-days" type="text" inputMode="numeric" value={terms.form.rectificationDays}
          onChange={e => terms.setForm({ ...terms.form, rectificationDays: e.target.value === '' ? '' : Number(e.target.value) })} />
        {terms.err('rectificationDays')}{terms.message && <p className="error">{terms.message}</p>}
        <button className="primary" type="submit">{t('save')}</button>
      </form>
    </section>
  );
}

/** An evaluation or security report: what is due, and the operator's report form while it is awaited. */
export function EvaluationDetail({ t, id, operator }: { t: T; id: number; operator: boolean }) {
  const [p, setP] = useState<any>(null);
  const r = useForm({ dataDemand: '', dataUse: '', benefits: '', security: '', revenueYuan: '', scenarioCount: '', productCount: '', incidentCount: '', drillCount: '' });
  const [docs, setDocs] = useState<number[]>([]);
  const load = () => api<any>(`/api/evaluations/${id}/progress`).then(setP);
  useEffect(() => { load(); }, [id]);
  if (!p) return <section>…</section>;
  const annual = p.kind === 'ANNUAL';
  const num = (v: string) => v === '' ? null : Number(v);
  const texts = (annual ? ['dataDemand', 'dataUse', 'benefits', 'security'] : ['security']) as ('dataDemand' | 'dataUse' | 'benefits' | 'security')[];
  const developers = p.kind === 'DEVELOPERS';
  const counts = (annual ? ['revenueYuan', 'scenarioCount', 'productCount', 'incidentCount', 'drillCount'] : developers ? ['incidentCount'] : ['incidentCount', 'drillCount']) as
    ('revenueYuan' | 'scenarioCount' | 'productCount' | 'incidentCount' | 'drillCount')[];
  const label: Record<string, Key> = { dataDemand: 'dataDemand', dataUse: 'dataUse', benefits: 'benefits', security: developers ? 'developerStatus' : 'securityStatus',
    revenueYuan: 'revenueYuan', scenarioCount: 'scenarioCount', productCount: 'productCount', incidentCount: 'incidentCount', drillCount: 'drillCount' };
  return (
    <ProgressView t={t} title={`${p.kindLabel}（${p.periodFrom} ~ ${p.periodTo}）`} statusLabel={p.statusLabel}
      reason={p.result ? `${p.result}${p.resultReason ? '：' + p.resultReason : ''}` : `${t('profileVersion')}：${p.profileVersionLabel}`}
      action={p.operatorAction} due={p.due} timeline={p.timeline}>
      {operator && p.awaitsReport && <form onSubmit={e => { e.preventDefault(); r.send(() => api(`/api/evaluations/${id}/report`, { method: 'POST',
        body: JSON.stringify({ ...r.form, revenueYuan: num(r.form.revenueYuan), scenarioCount: num(r.form.scenarioCount), productCount: num(r.form.productCount),
          incidentCount: num(r.form.incidentCount), drillCount: num(r.form.drillCount), documentIds: docs }) }), load); }} noValidate><section>
        <h2>{t('report')}</h2>
        {texts.map(f => <div key={f}><label htmlFor={'r-' + f}>{t(label[f])}</label>
          <textarea id={'r-' + f} value={r.form[f]} onChange={e => r.setForm({ ...r.form, [f]: e.target.value })} />{r.err(f)}</div>)}
        {counts.map(f => <div key={f}><label htmlFor={'r-' + f}>{t(label[f])}</label>
          <input id={'r-' + f} type="text" inputMode="decimal" value={r.form[f]} onChange={e => r.setForm({ ...r.form, [f]: e.target.value })} />{r.err(f)}</div>)}
        <Files t={t} ids={docs} setIds={setDocs} />
        {r.message && <p className="error" data-testid="report-message">{r.message}</p>}
        <button className="primary" type="submit">{t('fileReport')}</button>
      </section></form>}
    </ProgressView>
  );
}

/** A rectification: the problems and the deadline, and the operator's plan and report forms in turn. */
export function RectificationDetail({ t, id, operator }: { t: T; id: number; operator: boolean }) {
  const [p, setP] = useState<any>(null);
  const f = useForm({ text: '' });
  const [docs, setDocs] = useState<number[]>([]);
  const load = () => api<any>(`/api/rectifications/${id}/progress`).then(setP);
  useEffect(() => { load(); }, [id]);
  if (!p) return <section>…</section>;
  const what = p.awaitsPlan ? 'plan' : p.awaitsReport ? 'report' : null;
  return (
    <ProgressView t={t} title={`${p.triggerLabel}（${p.companyName}）`} statusLabel={p.statusLabel}
      reason={p.outcome ? `${p.outcome}${p.outcomeReason ? '：' + p.outcomeReason : ''}` : `${t('profileVersion')}：${p.profileVersionLabel}`}
      action={p.operatorAction} due={p.due} timeline={p.timeline}>
      <section><h2>{t('problems')}</h2><p data-testid="problems">{p.problems}</p>
        <p className="hint">{p.deadline}（{p.deadlineBasis}）</p></section>
      {operator && what && <form onSubmit={e => { e.preventDefault(); f.send(() => api(`/api/rectifications/${id}/${what}`, { method: 'POST',
        body: JSON.stringify({ text: f.form.text, documentIds: docs }) }), () => { f.setForm({ text: '' }); setDocs([]); load(); }); }} noValidate><section>
        <h2>{what === 'plan' ? t('rectificationPlan') : t('rectificationReport')}</h2>
        <textarea aria-label={what} value={f.form.text} onChange={e => f.setForm({ text: e.target.value })} />
        {f.err(what)}<Files t={t} ids={docs} setIds={setDocs} />
        {f.message && <p className="error">{f.message}</p>}
        <button className="primary" type="submit">{what === 'plan' ? t('filePlan') : t('fileRectificationReport')}</button>
      </section></form>}
    </ProgressView>
  );
}

/** An exit: its ground and steps, the operator's exit plan and deletion record when they are awaited. */
export function ExitDetail({ t, id, operator }: { t: T; id: number; operator: boolean }) {
  const [p, setP] = useState<any>(null);
  const plan = useForm({ plan: '' });
  const del = useForm({ note: '' });
  const [docs, setDocs] = useState<number[]>([]);
  const load = () => api<any>(`/api/exits/${id}/progress`).then(setP);
  useEffect(() => { load(); }, [id]);
  if (!p) return <section>…</section>;
  return (
    <ProgressView t={t} title={`${p.triggerLabel}（${p.companyName}）`} statusLabel={p.statusLabel}
      reason={`${t('exitDate')} ${p.exitDate}；${t('profileVersion')}：${p.profileVersionLabel}`} action={p.operatorAction} due={p.due} timeline={p.timeline}>
      <section><h2>{t('exitSteps')}</h2>
        <table data-testid="exit-steps"><tbody>{p.steps.map((s: any) => (
          <tr key={s.step}><td>{s.step}</td><td>{s.done ? t('done') : t('notYet')}</td><td className="hint">{s.detail}</td></tr>))}</tbody></table></section>
      {operator && p.awaitsPlan && <form onSubmit={e => { e.preventDefault(); plan.send(() => api(`/api/exits/${id}/plan`, { method: 'POST',
        body: JSON.stringify({ plan: plan.form.plan, documentIds: docs }) }), load); }} noValidate><section>
        <h2>{t('exitPlan')}</h2>
        <textarea aria-label="plan" value={plan.form.plan} onChange={e => plan.setForm({ plan: e.target.value })} />{plan.err('plan')}
        <Files t={t} ids={docs} setIds={setDocs} />{plan.message && <p className="error">{plan.message}</p>}
        <button className="primary" type="submit">{t('fileExitPlan')}</button></section></form>}
      {operator && p.awaitsDeletion && <form onSubmit={e => { e.preventDefault(); del.send(() => api(`/api/exits/${id}/deletion`, { method: 'POST',
        body: JSON.stringify({ note: del.form.note, documentId: docs[docs.length - 1] ?? null }) }), load); }} noValidate><section>
        <h2>{t('deletionRecord')}</h2>
        <label htmlFor="del-note">{t('deletionNote')}</label>
        <textarea id="del-note" value={del.form.note} onChange={e => del.setForm({ note: e.target.value })} />{del.err('deletionNote')}
        <Files t={t} ids={docs} setIds={setDocs} />{del.err('deletionDocumentId')}{del.message && <p className="error">{del.message}</p>}
        <button className="primary" type="submit">{t('fileDeletion')}</button></section></form>}
    </ProgressView>
  );
}
