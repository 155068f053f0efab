import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

type T = (k: Key) => string;

export interface AppealLine { lineNo: number; resourceName?: string; resourceCode: string; providerConsent?: string; providerReason?: string }
export interface AppealItem { appeal: { id: number; contestedSubject: string; kind: string; decisionReason?: string; materialRequested?: string; material?: string }; word: string; statusLabel: string }

/**
 * What a data-use request's operator may contest now: in 003 the refusal of the whole request (an appeal, APL-01); in
 * 004, once the review has ended, each line its provider refused (an objection, APL-04). Each decision once.
 */
export function contestable(status: string, disputes: string, lines: AppealLine[], filed: AppealItem[], requestId: number) {
  const subjects = new Set(filed.map(a => a.appeal.contestedSubject));
  if (disputes === 'APPEALS' && status === 'REFUSED' && !subjects.has('DUR-' + requestId)) {
    return { kind: 'appeal' as const, lines: [] as AppealLine[] };
  }
  if (disputes === 'SUPPLY_OBJECTIONS' && status !== 'IN_REVIEW') {
    const open = lines.filter(l => l.providerConsent === 'REFUSED' && !subjects.has(`DUR-${requestId}/${l.lineNo}`));
    if (open.length > 0) return { kind: 'objection' as const, lines: open };
  }
  return null;
}

/** The appeals and objections filed against this request, and the form for the next one where one is open. */
export function DataUseAppealsView({ t, requestId, status, disputes, lines, filed, onFile, error }: {
  t: T; requestId: number; status: string; disputes: string; lines: AppealLine[]; filed: AppealItem[];
  onFile?: (kind: 'appeal' | 'objection', lineNo: number | null, grounds: string) => void; error?: string
}) {
  const [grounds, setGrounds] = useState('');
  const open = contestable(status, disputes, lines, filed, requestId);
  const [lineNo, setLineNo] = useState<number | null>(open?.lines[0]?.lineNo ?? null);
  if (!open && filed.length === 0) return null;
  const objection = open?.kind === 'objection';
  return (
    <section data-testid="appeals"><h2>{t(objection || filed.some(a => a.appeal.kind === 'SUPPLY_OBJECTION') ? 'objection' : 'appeal')}</h2>
      <ul>{filed.map(a => <li key={a.appeal.id} data-testid="appeal-item">{a.word} {a.appeal.contestedSubject}：<strong>{a.statusLabel}</strong>
        {a.appeal.decisionReason && <>（{a.appeal.decisionReason}）</>}
        {a.appeal.materialRequested && !a.appeal.material && <span className="hint">{a.appeal.materialRequested}</span>}</li>)}</ul>
      {open && <>
        <p className="hint">{t(objection ? 'objectionHint' : 'appealHint')}</p>
        {objection && <><label htmlFor="objection-line">{t('objectionLine')}</label>
          <select id="objection-line" value={lineNo ?? ''} onChange={e => setLineNo(Number(e.target.value))}>
            {open.lines.map(l => <option key={l.lineNo} value={l.lineNo}>{l.lineNo}. {l.resourceName ?? l.resourceCode}（{l.providerReason}）</option>)}
          </select></>}
        <label htmlFor="appeal-grounds">{t(objection ? 'objectionGrounds' : 'appealGrounds')}</label>
        <textarea id="appeal-grounds" value={grounds} onChange={e => setGrounds(e.target.value)} />
        <button className="primary" onClick={() => onFile?.(open.kind, objection ? lineNo : null, grounds)}>
          {t(objection ? 'fileObjection' : 'fileAppeal')}</button></>}
      {error && <div className="error" data-testid="appeal-error">{error}</div>}
    </section>
  );
}

/** The data-use request's appeals and objections, loaded from the portal API and filed through it. */
export function DataUseAppeals({ t, requestId, status, disputes, lines }: {
  t: T; requestId: number; status: string; disputes: string; lines: AppealLine[]
}) {
  const [filed, setFiled] = useState<AppealItem[]>([]);
  const [error, setError] = useState('');
  const load = () => api<AppealItem[]>('/api/appeals')
    .then(all => setFiled(all.filter(a => a.appeal.contestedSubject === 'DUR-' + requestId
      || a.appeal.contestedSubject.startsWith(`DUR-${requestId}/`))))
    .catch(() => undefined);
  useEffect(() => { load(); }, [requestId, status]);
  const file = async (kind: 'appeal' | 'objection', lineNo: number | null, grounds: string) => {
    try {
      await api(kind === 'appeal' ? '/api/appeals/data-use' : '/api/appeals/objections',
        { method: 'POST', body: JSON.stringify({ requestId, lineNo, grounds }) });
      setError('');
      load();
    } catch (e) {
      const failed = e as ApiError;
      setError(failed.fields?.grounds ?? failed.fields?.lineNo ?? failed.message);
    }
  };
  return <DataUseAppealsView t={t} requestId={requestId} status={status} disputes={disputes} lines={lines} filed={filed}
    onFile={file} error={error} />;
}
