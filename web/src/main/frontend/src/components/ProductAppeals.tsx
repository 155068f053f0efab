import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';
import { DataUseAppealsView, type AppealItem } from './DataUseAppeals';

type T = (k: Key) => string;

/** What the portal reads of a product to offer its operator's review (PRD-02) or its developer's appeal (APL-01). */
export interface ProductFacts {
  id: number; status: string; creditCode: string; developerCreditCode?: string | null;
  operatorReviewPassed?: boolean | null; operatorReviewReason?: string | null
}

/** 003: the operator reviews a product its developer submitted while the review waits for it. */
export function operatorReviewOpen(p: ProductFacts, creditCode: string) {
  return !!p.developerCreditCode && p.status === 'IN_REVIEW' && p.operatorReviewPassed == null && p.creditCode === creditCode;
}

/** APL-01 (003): the developer may appeal, once, a refusal by its operator's out-of-domain compliance review. */
export function productContestable(p: ProductFacts, creditCode: string, filed: AppealItem[]) {
  return p.status === 'REJECTED' && p.operatorReviewPassed === false && p.developerCreditCode === creditCode
    && !filed.some(a => a.appeal.contestedSubject === 'PRD-' + p.id);
}

/** The operator's pass-or-refuse form, with its conclusion or reason. */
export function OperatorReviewView({ t, onReview, error }: {
  t: T; onReview?: (pass: boolean, reason: string) => void; error?: string
}) {
  const [pass, setPass] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  return (
    <section data-testid="operator-review"><h2>{t('operatorReview')}</h2>
      <p className="hint">{t('operatorReviewHint')}</p>
      <label><input type="radio" name="operator-review" checked={pass === true} onChange={() => setPass(true)} />{t('operatorReviewPass')}</label>
      <label><input type="radio" name="operator-review" checked={pass === false} onChange={() => setPass(false)} />{t('operatorReviewRefuse')}</label>
      <label htmlFor="operator-review-reason">{t('operatorReviewReason')}</label>
      <textarea id="operator-review-reason" value={reason} onChange={e => setReason(e.target.value)} />
      <button className="primary" onClick={() => onReview?.(pass as boolean, reason)}>{t('submitOperatorReview')}</button>
      {error && <div className="error">{error}</div>}
    </section>
  );
}

/** A product's operator review (for its operator) and appeal (for its developer), loaded and filed through the API. */
export function ProductAppeals({ t, productId, creditCode, status }: { t: T; productId: number; creditCode: string; status: string }) {
  const [p, setP] = useState<ProductFacts | null>(null);
  const [filed, setFiled] = useState<AppealItem[]>([]);
  const [error, setError] = useState('');
  const load = () => {
    api<ProductFacts>(`/api/products/${productId}`).then(setP).catch(() => undefined);
    api<AppealItem[]>('/api/appeals')
      .then(all => setFiled(all.filter(a => a.appeal.contestedSubject === 'PRD-' + productId)))
      .catch(() => undefined);
  };
  useEffect(() => { load(); }, [productId, status]);
  if (!p) return null;
  const review = async (pass: boolean, reason: string) => {
    try {
      await api(`/api/products/${productId}/operator-review`, { method: 'POST', body: JSON.stringify({ pass, reason }) });
      setError('');
      load();
    } catch (e) {
      const failed = e as ApiError;
      setError(failed.fields?.pass ?? failed.fields?.reason ?? failed.message);
    }
  };
  const appeal = async (_kind: string, _lineNo: number | null, grounds: string) => {
    try {
      await api('/api/appeals/products', { method: 'POST', body: JSON.stringify({ productId, grounds }) });
      setError('');
      load();
    } catch (e) {
      const failed = e as ApiError;
      setError(failed.fields?.grounds ?? failed.message);
    }
  };
  if (operatorReviewOpen(p, creditCode)) return <OperatorReviewView t={t} onReview={review} error={error} />;
  // the data-use appeal's section, fed with the product's one contestable decision
  const open = productContestable(p, creditCode, filed);
  if (!open && filed.length === 0) return null;
  return <DataUseAppealsView t={t} requestId={productId} status={open ? 'REFUSED' : 'CLOSED'} disputes="APPEALS" lines={[]}
    filed={filed} onFile={appeal} error={error} />;
}
