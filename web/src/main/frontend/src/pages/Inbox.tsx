import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';

interface Notice { id: number; title: string; body: string; createdAt: string; readAt: string | null }

export function Inbox({ t, onRead }: { t: (k: Key) => string; onRead: () => void }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => { api<Notice[]>('/api/inbox').then(setNotices); }, []);
  const read = async (n: Notice) => {
    await api(`/api/inbox/${n.id}/read`, { method: 'POST' });
    setNotices(all => all.map(x => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
    onRead();
  };
  return (
    <section>
      <h2>{t('inbox')}</h2>
      {notices.length === 0 && <p>{t('noNotices')}</p>}
      {notices.map(n => (
        <div key={n.id} className={n.readAt ? '' : 'unread'} data-testid="notice">
          <p>{n.title} <span className="hint">{new Date(n.createdAt).toLocaleString()}</span>
            {!n.readAt && <button onClick={() => read(n)}>{t('markRead')}</button>}</p>
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontWeight: 'normal' }}>{n.body}</pre>
        </div>
      ))}
    </section>
  );
}
