import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

type T = (k: Key) => string;

export interface PlanItem {
  id: number; agreementId: number; jurisdiction: string; companyName: string; item: string; frequencyMonths: number;
  frequencyLabel: string; channel: string; nextDue: string; overdue: boolean; disclosures: { disclosedOn: string; content: string }[];
}
interface AgreementSummary { agreementId: number; agreementNo: string; jurisdictionName: string; stateLabel: string }
export interface ItemDraft { item: string; frequencyMonths: number | null; channel: string }
export interface DisclosureDraft { disclosedOn: string; content: string }

/** The frequencies a plan item may have (the server takes every 1 to 12 months); the usual ones first. */
export const FREQUENCY_MONTHS = [1, 3, 6, 12, 2, 4] as const;

export function frequencyText(months: number, t: T): string {
  const named: Record<number, Key> = { 1: 'monthly', 3: 'quarterly', 6: 'halfYearly', 12: 'yearly' };
  return named[months] ? t(named[months]) : t('everyMonthsBefore') + months + t('everyMonthsAfter');
}

/** Today in Beijing, as the date the server counts from: 2026-12-02. */
export function beijingToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Whether an item's next disclosure is overdue (as the server says), due within 15 days, or not yet due. */
export function dueState(item: Pick<PlanItem, 'nextDue' | 'overdue'>, today: string): 'overdue' | 'dueSoon' | 'onSchedule' {
  if (item.overdue) return 'overdue';
  const days = (Date.parse(item.nextDue) - Date.parse(today)) / 86_400_000;
  return days <= 15 ? 'dueSoon' : 'onSchedule';
}

/** The same checks as the server (DisclosurePlans), at the field before anything is sent: field → message key. */
export function validateItem(d: ItemDraft): Record<string, Key> {
  const errors: Record<string, Key> = {};
  if (!d.item.trim() || d.item.length > 200) errors.item = 'planItemRequired';
  if (d.frequencyMonths === null || d.frequencyMonths < 1 || d.frequencyMonths > 12) errors.frequencyMonths = 'planFrequencyRequired';
  if (!d.channel.trim() || d.channel.length > 200) errors.channel = 'planChannelRequired';
  return errors;
}

export function validateDisclosure(d: DisclosureDraft, today: string): Record<string, Key> {
  const errors: Record<string, Key> = {};
  if (!d.disclosedOn || d.disclosedOn > today) errors.disclosedOn = 'disclosedOnRequired';
  if (!d.content.trim()) errors.content = 'disclosureContentRequired';
  return errors;
}

/** Messages shown at the fields: the portal's own checks, else the server's. */
function messagesOf(local: Record<string, Key>, t: T): Record<string, string> {
  return Object.fromEntries(Object.entries(local).map(([f, k]) => [f, t(k)]));
}

const EMPTY_ITEM: ItemDraft = { item: '', frequencyMonths: null, channel: '' };

/** DSC-01, DSC-06: the operator's disclosure plan — its items, what falls due, and the disclosures it made. */
export function DisclosurePlan({ t }: { t: T }) {
  const [items, setItems] = useState<PlanItem[] | null>(null);
  const [agreements, setAgreements] = useState<AgreementSummary[]>([]);
  const [error, setError] = useState('');
  const [agreementId, setAgreementId] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<ItemDraft>(EMPTY_ITEM);
  const [disclosing, setDisclosing] = useState<number | null>(null);
  const today = beijingToday();
  const [disclosure, setDisclosure] = useState<DisclosureDraft>({ disclosedOn: today, content: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const load = () => api<PlanItem[]>('/api/disclosure-plan').then(setItems).catch(e => setError(e.message));
  useEffect(() => {
    load();
    api<AgreementSummary[]>('/api/lifecycle/agreements').then(list => {
      setAgreements(list);
      if (list.length > 0) setAgreementId(list[0].agreementId);
    }).catch(e => setError(e.message));
  }, []);

  const send = async (local: Record<string, Key>, call: () => Promise<unknown>, done: string) => {
    setSaved('');
    if (Object.keys(local).length > 0) {
      setFields(messagesOf(local, t));
      setMessage(t('fixErrors'));
      return;
    }
    try {
      await call();
      await load();
      setFields({}); setMessage(''); setSaved(done);
      setEditing(null); setDraft(EMPTY_ITEM); setDisclosing(null); setDisclosure({ disclosedOn: today, content: '' });
    } catch (e) {
      setFields((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  const saveItem = () => send(validateItem(draft), () => editing === null
    ? api('/api/disclosure-plan/items', { method: 'POST', body: JSON.stringify({ agreementId, ...draft }) })
    : api(`/api/disclosure-plan/items/${editing}`, { method: 'PUT', body: JSON.stringify(draft) }), t('planItemSaved'));
  const saveDisclosure = () => send(validateDisclosure(disclosure, today), () =>
    api('/api/disclosure-plan/disclosures', { method: 'POST', body: JSON.stringify({ itemId: disclosing, ...disclosure }) }), t('disclosureSaved'));
  const startEdit = (p: PlanItem) => {
    setEditing(p.id); setDisclosing(null); setFields({}); setMessage(''); setSaved('');
    setDraft({ item: p.item, frequencyMonths: p.frequencyMonths, channel: p.channel });
  };
  const startDisclosure = (p: PlanItem) => {
    setDisclosing(p.id); setEditing(null); setFields({}); setMessage(''); setSaved('');
    setDisclosure({ disclosedOn: today, content: '' });
  };
  const err = (f: string) => fields[f] ? <div className="error" id={`${f}-error`}>{fields[f]}</div> : null;
  const described = (f: string) => fields[f] ? { 'aria-invalid': true, 'aria-describedby': `${f}-error` } : {};
  const current = items?.find(p => p.id === disclosing);

  if (error) return <section className="error" role="alert">{error}</section>;
  if (!items) return <section>…</section>;
  return (
    <>
      <section data-testid="disclosure-plan">
        <h2>{t('disclosurePlan')}</h2>
        <p className="hint">{t('disclosurePlanHint')}</p>
        {saved && <p role="status" data-testid="plan-saved">{saved}</p>}
        {items.length === 0 ? <p>{t('noPlanItems')}</p> : (
          <table data-testid="plan-items">
            <thead><tr><th scope="col">{t('planItem')}</th><th scope="col">{t('planFrequency')}</th><th scope="col">{t('planChannel')}</th>
              <th scope="col">{t('lastDisclosure')}</th><th scope="col">{t('nextDisclosure')}</th><th scope="col"><span className="hint">{t('actions')}</span></th></tr></thead>
            <tbody>{items.map(p => {
              const state = dueState(p, today);
              return (
                <tr key={p.id} data-testid={'plan-item-' + p.id}>
                  <td>{p.item}<div className="hint">{p.companyName}</div></td><td className="nowrap">{p.frequencyLabel}</td><td>{p.channel}</td>
                  <td>{p.disclosures.length === 0 ? t('notDisclosedYet') : `${p.disclosures[0].disclosedOn}：${p.disclosures[0].content}`}</td>
                  <td className="nowrap">{p.nextDue}<div className={state === 'onSchedule' ? 'hint' : 'overdue'} data-testid="due-state">{t(state)}</div></td>
                  <td className="nowrap">
                    <button type="button" className="link" onClick={() => startDisclosure(p)}>{t('recordDisclosure')}</button><br />
                    <button type="button" className="link" onClick={() => startEdit(p)}>{t('editPlanItem')}</button>
                  </td>
                </tr>
              );
            })}</tbody>
          </table>
        )}
      </section>

      {current && <section data-testid="disclosure-form">
        <h2>{t('recordDisclosure')}：{current.item}</h2>
        <form onSubmit={e => { e.preventDefault(); saveDisclosure(); }} noValidate>
          <label htmlFor="disclosed-on">{t('disclosedOn')}</label>
          <input id="disclosed-on" type="date" max={today} value={disclosure.disclosedOn} {...described('disclosedOn')}
            onChange={e => setDisclosure({ ...disclosure, disclosedOn: e.target.value })} />
          {err('disclosedOn')}
          <label htmlFor="disclosure-content">{t('disclosureContent')}</label>
          <textarea id="disclosure-content" value={disclosure.content} {...described('content')}
            onChange={e => setDisclosure({ ...disclosure, content: e.target.value })} />
          {err('content')}
          {message && <p className="error" role="alert">{message}</p>}
          <button className="primary" type="submit">{t('saveDisclosure')}</button>{' '}
          <button type="button" className="link" onClick={() => setDisclosing(null)}>{t('cancel')}</button>
        </form>
      </section>}

      {disclosing === null && <section data-testid="plan-item-form">
        <h2>{editing === null ? t('addPlanItem') : t('editPlanItem')}</h2>
        <form onSubmit={e => { e.preventDefault(); saveItem(); }} noValidate>
          {editing === null && (agreements.length === 0 ? <p className="hint">{t('noAgreementForPlan')}</p> : <>
            <label htmlFor="plan-agreement">{t('agreement')}</label>
            <select id="plan-agreement" value={agreementId ?? ''} onChange={e => setAgreementId(Number(e.target.value))}>
              {agreements.map(a => <option key={a.agreementId} value={a.agreementId}>{a.agreementNo}（{a.jurisdictionName}，{a.stateLabel}）</option>)}
            </select>
            {err('agreementId')}
          </>)}
          <label htmlFor="plan-item">{t('planItem')}</label>
          <input id="plan-item" type="text" value={draft.item} placeholder={t('planItemExample')} {...described('item')}
            onChange={e => setDraft({ ...draft, item: e.target.value })} />
          {err('item')}
          <label htmlFor="plan-frequency">{t('planFrequency')}</label>
          <select id="plan-frequency" value={draft.frequencyMonths ?? ''} {...described('frequencyMonths')}
            onChange={e => setDraft({ ...draft, frequencyMonths: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('chooseOne')}</option>
            {FREQUENCY_MONTHS.map(m => <option key={m} value={m}>{frequencyText(m, t)}</option>)}
          </select>
          {err('frequencyMonths')}
          <label htmlFor="plan-channel">{t('planChannel')}</label>
          <input id="plan-channel" type="text" value={draft.channel} placeholder={t('planChannelExample')} {...described('channel')}
            onChange={e => setDraft({ ...draft, channel: e.target.value })} />
          {err('channel')}
          {message && <p className="error" role="alert" data-testid="plan-message">{message}</p>}
          <button className="primary" type="submit" disabled={editing === null && agreements.length === 0}>{t('savePlanItem')}</button>{' '}
          {editing !== null && <button type="button" className="link" onClick={() => { setEditing(null); setDraft(EMPTY_ITEM); setFields({}); setMessage(''); }}>{t('cancel')}</button>}
        </form>
      </section>}
    </>
  );
}
