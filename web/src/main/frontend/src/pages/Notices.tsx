import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';

export interface OfficialNotice {
  id: number; documentNumber: string; kind: string; kindLabel: string; jurisdiction: string; subject: string;
  creditCode: string; addressee: string; title: string; body: string; issuer: string; issuedAt: string;
}

/** The issue date as an official document prints it: 2026年3月4日 (Beijing time). */
export function documentDate(iso: string): string {
  const [y, m, d] = new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).split('/');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The notice's text without its salutation line (the print puts the addressee on a line of its own). */
export function bodyParagraphs(notice: Pick<OfficialNotice, 'body' | 'addressee'>): string[] {
  const text = notice.body.startsWith(notice.addressee + '：') ? notice.body.slice(notice.addressee.length + 1) : notice.body;
  return text.split('\n').map(line => line.trim()).filter(line => line.length > 0);
}

export function Notices({ t }: { t: (k: Key) => string }) {
  const [notices, setNotices] = useState<OfficialNotice[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => { api<OfficialNotice[]>('/api/notices').then(setNotices).catch(e => setError(e.message)); }, []);
  return (
    <section data-testid="notices">
      <h2>{t('officialNotices')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {notices && notices.length === 0 && <p>{t('noOfficialNotices')}</p>}
      {notices && notices.length > 0 && (
        <table>
          <thead><tr><th>文号</th><th>类别</th><th>标题</th><th>发文日期</th><th></th></tr></thead>
          <tbody>
            {notices.map(n => (
              <tr key={n.id}>
                <td>{n.documentNumber}</td><td>{n.kindLabel}</td><td>{n.title}</td><td>{documentDate(n.issuedAt)}</td>
                <td><a href={`#/notices/${n.id}`}>{t('printView')}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One notice laid out as the printed document: issuer, 文号, title, addressee, text, issuer and date at the foot. */
export function NoticePrint({ t, id }: { t: (k: Key) => string; id: number }) {
  const [notice, setNotice] = useState<OfficialNotice | null>(null);
  const [error, setError] = useState('');
  useEffect(() => { api<OfficialNotice>('/api/notices/' + id).then(setNotice).catch(e => setError(e.message)); }, [id]);
  if (error) return <section><p className="error" role="alert">{error}</p></section>;
  if (!notice) return <section><p>加载中…</p></section>;
  return (
    <>
      <p className="no-print"><a href="#/notices">{t('officialNotices')}</a> <button onClick={() => window.print()}>{t('print')}</button></p>
      <article className="official-notice" data-testid="official-notice">
        <header>
          <p className="issuer-head">{notice.issuer}</p>
          <p className="document-number">{notice.documentNumber}</p>
        </header>
        <h1>{notice.kindLabel}</h1>
        <p className="notice-title">{notice.title}</p>
        <p className="addressee">{notice.addressee}：</p>
        {bodyParagraphs(notice).map((line, i) => <p key={i} className="notice-text">{line}</p>)}
        <footer>
          <p>{notice.issuer}</p>
          <p>{documentDate(notice.issuedAt)}</p>
        </footer>
      </article>
    </>
  );
}
