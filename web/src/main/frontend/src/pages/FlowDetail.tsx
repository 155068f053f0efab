import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';
import { ProgressView, type Due } from '../components/ProgressView';
import { DataUseAppeals } from '../components/DataUseAppeals';
import { ProductAppeals } from '../components/ProductAppeals';

type Kind = 'products' | 'data-use-requests' | 'quality-issues' | 'risk-reports';

/**
 * The progress page of a product, a data-use request, a data-quality issue or a risk report: the common view, with
 * what only that kind has (the steps still to do, the grants, the provider's answer, the assessment).
 */
export function FlowDetail({ t, kind, id, creditCode = '' }: { t: (k: Key) => string; kind: Kind; id: number; creditCode?: string }) {
  const [p, setP] = useState<any>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () => api<any>(`/api/${kind}/${id}/progress`).then(setP).catch(e => setError(e.message));
    load();
    const timer = window.setInterval(load, 10000);
    return () => window.clearInterval(timer);
  }, [kind, id]);
  if (error) return <section className="error">{error}</section>;
  if (!p) return <section>…</section>;
  const due: Due[] = Array.isArray(p.due) ? p.due : p.due ? [p.due] : [];
  const title = p.productName ?? (p.scenarioName ? `${p.scenarioName}` : p.description) ?? '';
  return (
    <ProgressView t={t} title={title} statusLabel={p.statusLabel} reason={p.outcomeReason ?? p.resolution}
      action={p.operatorAction} due={due} timeline={p.timeline ?? []}>
      {kind === 'products' && p.status === 'IN_REVIEW' && p.stepsToDo?.length > 0 && (
        <section><h2>{t('stepsToDo')}</h2><ol data-testid="steps">{p.stepsToDo.map((s: string) => <li key={s}>{s}</li>)}</ol></section>
      )}
      {kind === 'products' && creditCode && (
        <ProductAppeals t={t} productId={id} creditCode={creditCode} status={p.status} />
      )}
      {kind === 'data-use-requests' && (
        <section><h2>{t('demandList')}</h2>
          <ul>{(p.lines ?? []).map((l: any) => <li key={l.lineNo}>{l.lineNo}. {l.resourceName ?? l.resourceCode}
            {l.providerConsent && <span className="hint">（{l.providerConsent}）</span>}</li>)}</ul>
          {p.grants?.length > 0 && <p data-testid="grants">{t('accessGranted')}：{p.grants.map((g: any) => g.resourceCode).join('、')}</p>}
        </section>
      )}
      {kind === 'data-use-requests' && p.disputes && p.disputes !== 'NONE' && (
        <DataUseAppeals t={t} requestId={id} status={p.status} disputes={p.disputes} lines={p.lines ?? []} />
      )}
      {kind === 'quality-issues' && (
        <section><h2>{t('qualityIssue')}</h2><p>{p.dataLine}</p><p className="hint">{p.description}</p>
          {p.answer && <div className="action" data-testid="answer"><strong>{p.providerName}：</strong>{p.answer}</div>}</section>
      )}
      {kind === 'risk-reports' && p.status === 'REPORTED' && !p.fullReportFiledAt && !p.assessedAt && (
        <FullReport t={t} id={id} onFiled={() => api<any>(`/api/${kind}/${id}/progress`).then(setP)} />
      )}
      {kind === 'risk-reports' && p.assessment && (
        <section><h2>{t('assessment')}</h2><p data-testid="assessment">{p.assessment}</p></section>
      )}
    </ProgressView>
  );
}

/** The full report that follows the first report by its due day. */
function FullReport({ t, id, onFiled }: { t: (k: Key) => string; id: number; onFiled: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const file = async () => {
    try {
      await api(`/api/risk-reports/${id}/full-report`, { method: 'POST', body: JSON.stringify({ fullReport: text }) });
      setError('');
      onFiled();
    } catch (e) {
      setError((e as ApiError).fields?.fullReport ?? (e as ApiError).message);
    }
  };
  return (
    <section><h2>{t('fullReport')}</h2>
      <textarea aria-label={t('fullReport')} value={text} onChange={e => setText(e.target.value)} />
      {error && <div className="error">{error}</div>}
      <button className="primary" onClick={file}>{t('fileFullReport')}</button>
    </section>
  );
}
