import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

interface Unit { code: string; name: string }
interface Jurisdiction { code: string; name: string; providerUnits: Unit[] }
interface Resource { code: string; name: string; providerName: string; openCondition: 'OPEN' | 'CONDITIONAL' | 'PROHIBITED'; grade: number; provinceReturned: boolean }
interface Change { resourceCode: string; at: string; actor: string; what: string; reason: string | null }

const CONDITIONS = ['OPEN', 'CONDITIONAL', 'PROHIBITED'] as const;

/** The authority keeps its jurisdiction's catalog: adds resources, regrades and reclassifies them, each with a reason. */
export function CatalogAdmin({ t }: { t: (k: Key) => string }) {
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
  const [jurisdiction, setJurisdiction] = useState('jingdezhen');
  const [resources, setResources] = useState<Resource[]>([]);
  const [changes, setChanges] = useState<Change[]>([]);
  const [editing, setEditing] = useState<{ code: string; grade: number; openCondition: string; reason: string } | null>(null);
  const [form, setForm] = useState({ code: '', name: '', providerCode: '', openCondition: 'CONDITIONAL', grade: 2, provinceReturned: false, description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const load = (j: string) => {
    api<Resource[]>('/api/catalog/resources?jurisdiction=' + j).then(setResources).catch(e => setMessage(e.message));
    api<Change[]>('/api/catalog/changes?jurisdiction=' + j).then(setChanges).catch(e => setMessage(e.message));
  };
  useEffect(() => { api<Jurisdiction[]>('/api/catalog/jurisdictions').then(setJurisdictions); }, []);
  useEffect(() => load(jurisdiction), [jurisdiction]);
  const units = jurisdictions.find(j => j.code === jurisdiction)?.providerUnits ?? [];

  const add = async () => {
    try {
      await api('/api/catalog/resources', { method: 'POST', body: JSON.stringify({ ...form, jurisdiction }) });
      setErrors({});
      setMessage('');
      setForm({ ...form, code: '', name: '', description: '' });
      load(jurisdiction);
    } catch (e) {
      setErrors((e as ApiError).fields);
      setMessage((e as ApiError).message);
    }
  };
  const saveEdit = async (r: Resource) => {
    if (!editing) return;
    try {
      if (editing.grade !== r.grade) {
        await api(`/api/catalog/resources/${r.code}/grade`, { method: 'PUT', body: JSON.stringify({ grade: editing.grade, reason: editing.reason }) });
      }
      if (editing.openCondition !== r.openCondition) {
        await api(`/api/catalog/resources/${r.code}/open-condition`, { method: 'PUT',
          body: JSON.stringify({ openCondition: editing.openCondition, reason: editing.reason }) });
      }
      setEditing(null);
      setMessage('');
      load(jurisdiction);
    } catch (e) {
      setMessage((e as ApiError).message);
    }
  };
  const err = (f: string) => errors[f] ? <div className="error">{errors[f]}</div> : null;

  return (
    <>
      <section>
        <h2>{t('catalogAdmin')}</h2>
        <label htmlFor="jurisdiction">{t('jurisdiction')}</label>
        <select id="jurisdiction" value={jurisdiction} onChange={e => setJurisdiction(e.target.value)}>
          {jurisdictions.map(j => <option key={j.code} value={j.code}>{j.name}</option>)}
        </select>
        <p><a href={'/api/catalog/operation?jurisdiction=' + jurisdiction} target="_blank" rel="noreferrer">{t('operationCatalog')}</a></p>
        {message && <p className="error" data-testid="message">{message}</p>}
        <table data-testid="resources">
          <thead><tr><th>{t('code')}</th><th>{t('resource')}</th><th>{t('provider')}</th><th>{t('grade')}</th><th>{t('openCondition')}</th><th /></tr></thead>
          <tbody>{resources.map(r => editing?.code === r.code ? (
            <tr key={r.code}>
              <td>{r.code}</td><td>{r.name}</td><td>{r.providerName}</td>
              <td><select aria-label={t('grade')} value={editing.grade} onChange={e => setEditing({ ...editing, grade: Number(e.target.value) })}>
                {[1, 2, 3, 4].map(g => <option key={g} value={g}>{g}</option>)}</select></td>
              <td><select aria-label={t('openCondition')} value={editing.openCondition} onChange={e => setEditing({ ...editing, openCondition: e.target.value })}>
                {CONDITIONS.map(c => <option key={c} value={c}>{t(c)}</option>)}</select>
                <input type="text" aria-label={t('reason')} placeholder={t('reason')} value={editing.reason}
                  onChange={e => setEditing({ ...editing, reason: e.target.value })} /></td>
              <td><button type="button" onClick={() => saveEdit(r)}>{t('save')}</button></td>
            </tr>
          ) : (
            <tr key={r.code}>
              <td>{r.code}</td><td>{r.name}{r.provinceReturned && <span className="hint">（{t('provinceReturned')}）</span>}</td>
              <td>{r.providerName}</td><td>{r.grade}</td><td>{t(r.openCondition)}</td>
              <td><button type="button" onClick={() => setEditing({ code: r.code, grade: r.grade, openCondition: r.openCondition, reason: '' })}>
                {t('regrade')} / {t('reclassify')}</button></td>
            </tr>
          ))}</tbody>
        </table>
      </section>
      <section>
        <h2>{t('addResource')}</h2>
        <label htmlFor="res-code">{t('code')}</label>
        <input id="res-code" type="text" value={form.code} onChange={e => setForm({ ...form, code: e.target.value })} />{err('code')}
        <label htmlFor="res-name">{t('resource')}</label>
        <input id="res-name" type="text" value={form.name} onChange={e => setForm({ ...form, name: e.target.value })} />{err('name')}
        <label htmlFor="res-provider">{t('provider')}</label>
        <select id="res-provider" value={form.providerCode} onChange={e => setForm({ ...form, providerCode: e.target.value })}>
          <option value="">{t('chooseOne')}</option>
          {units.map(u => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>{err('providerCode')}
        <label htmlFor="res-open">{t('openCondition')}</label>
        <select id="res-open" value={form.openCondition} onChange={e => setForm({ ...form, openCondition: e.target.value })}>
          {CONDITIONS.map(c => <option key={c} value={c}>{t(c)}</option>)}
        </select>
        <label htmlFor="res-grade">{t('grade')}</label>
        <select id="res-grade" value={form.grade} onChange={e => setForm({ ...form, grade: Number(e.target.value) })}>
          {[1, 2, 3, 4].map(g => <option key={g} value={g}>{g}</option>)}
        </select>
        <label className="inline"><input type="checkbox" checked={form.provinceReturned}
          onChange={e => setForm({ ...form, provinceReturned: e.target.checked })} /> {t('provinceReturned')}</label>
        <p><button className="primary" type="button" onClick={add}>{t('addResource')}</button></p>
      </section>
      <section>
        <h2>{t('changes')}</h2>
        <table><tbody>{changes.map((c, i) => (
          <tr key={i}><td>{new Date(c.at).toLocaleString()}</td><td>{c.resourceCode}</td><td>{c.what}{c.reason && <div className="hint">{c.reason}</div>}</td><td>{c.actor}</td></tr>
        ))}</tbody></table>
      </section>
    </>
  );
}
