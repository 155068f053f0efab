import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';

interface Announcement { id: number; title: string; scope: string; opensOn: string; deadline: string }
interface Application { id: number; announcementId: number; companyName: string; statusLabel: string; submittedAt: string }

export function Home({ t, operator, authority }: { t: (k: Key) => string; operator: boolean; authority: boolean }) {
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const [applications, setApplications] = useState<Application[]>([]);
  useEffect(() => {
    api<Announcement[]>('/api/announcements').then(setAnnouncements);
    if (operator) api<Application[]>('/api/applications').then(setApplications);
  }, [operator]);
  return (
    <>
      <section className="links">
        <a href="#/public" onClick={() => setTimeout(() => window.location.reload(), 0)} data-testid="public-link">{t('publicSite')}</a>
      </section>
      <section>
        <h2>{t('openAnnouncements')}</h2>
        {announcements.length === 0 ? <p>{t('noAnnouncements')}</p> : (
          <table><tbody>
            {announcements.map(a => (
              <tr key={a.id}>
                <td>{a.title}<div className="hint">{a.scope}</div></td>
                <td>{t('deadline')} {a.deadline}</td>
                <td><a href={'#/apply/' + a.id} data-testid={'apply-' + a.id}>{t('apply')}</a></td>
              </tr>
            ))}
          </tbody></table>
        )}
      </section>
      {authority && <section><a href="#/catalog">{t('catalogAdmin')}</a></section>}
      {operator && <section>
        <h2>{t('myApplications')}</h2>
        {applications.length === 0 ? <p>{t('noApplications')}</p> : (
          <table>
            <thead><tr><th>{t('companyName')}</th><th>{t('status')}</th><th>{t('submittedAt')}</th><th /></tr></thead>
            <tbody>
              {applications.map(a => (
                <tr key={a.id}>
                  <td>{a.companyName}</td><td data-testid={'status-' + a.id}>{a.statusLabel}</td>
                  <td>{new Date(a.submittedAt).toLocaleString()}</td>
                  <td><a href={'#/applications/' + a.id}>{t('view')}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>}
    </>
  );
}
