import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';
import { ProgressView, type Due, type Entry } from '../components/ProgressView';

interface Progress {
  applicationId: number; companyName: string; status: string; statusLabel: string; outcomeReason: string | null;
  operatorAction: string | null; due: Due[]; timeline: Entry[];
}

export function Detail({ t, applicationId }: { t: (k: Key) => string; applicationId: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () => api<Progress>(`/api/applications/${applicationId}/progress`).then(setProgress).catch(e => setError(e.message));
    load();
    const timer = window.setInterval(load, 10000);
    return () => window.clearInterval(timer);
  }, [applicationId]);
  if (error) return <section className="error">{error}</section>;
  if (!progress) return <section>…</section>;
  const mustSupplement = progress.due.some(d => d.step === '提交补正材料');
  return (
    <ProgressView t={t} title={progress.companyName} statusLabel={progress.statusLabel} reason={progress.outcomeReason}
      action={progress.operatorAction} due={progress.due} timeline={progress.timeline}>
      {mustSupplement && <section><a href={`#/applications/${applicationId}/supplement`} data-testid="supplement">{t('supplement')}</a></section>}
    </ProgressView>
  );
}
