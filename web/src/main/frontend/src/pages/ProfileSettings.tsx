import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Key } from '../i18n';

interface Setting { key: string; label: string; rules: string; kind: string; choices: string[]; value: unknown; clause: string | null; strictest: boolean }
interface Version { version: number; changed: string | null; reason: string; changedBy: string; changedAt: string | null }
interface Profile { code: string; name: string; version: number; versionLabel: string; settings: Setting[]; versions: Version[] }
interface ProfileSummary { code: string; name: string; version: number }

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** Turns what the authority typed into the value the setting takes. */
export function parseSetting(kind: string, raw: string): unknown {
  switch (kind) {
    case 'MONTHS': case 'MONTHS_OR_NONE': case 'DAYS': case 'DAYS_OR_NONE': return raw.trim() === '' ? null : Number(raw);
    case 'FLAG': return raw === 'true';
    case 'TEXTS': case 'CHOICES': return raw.split(/[,，、\s]+/).map(s => s.trim()).filter(Boolean);
    case 'CHOICE_OR_NONE': case 'GROUP_OR_NONE': return raw === '' ? null : raw;
    default: return raw;
  }
}

/** The policy settings page: each jurisdiction's settings with the rules and clauses they follow; edits become versions. */
export function ProfileSettings({ t, canEdit }: { t: (k: Key) => string; canEdit: boolean }) {
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [code, setCode] = useState('chizhou');
  const [profile, setProfile] = useState<Profile | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const load = (c: string) => api<Profile>('/api/policy/profiles/' + c).then(setProfile).catch(e => setMessage(e.message));
  useEffect(() => { api<ProfileSummary[]>('/api/policy/profiles').then(setProfiles); }, []);
  useEffect(() => { setEdits({}); load(code); }, [code]);
  const save = async () => {
    if (!profile) return;
    const settings: Record<string, unknown> = {};
    for (const s of profile.settings) {
      if (s.key in edits) settings[s.key] = parseSetting(s.kind, edits[s.key]);
    }
    try {
      const saved = await api<Profile>('/api/policy/profiles/' + code, { method: 'PUT', body: JSON.stringify({ settings, reason }) });
      setProfile(saved);
      setEdits({});
      setReason('');
      setErrors({});
      setMessage(t('saved') + '：' + saved.versionLabel);
    } catch (e) {
      setErrors((e as ApiError).fields ?? {});
      setMessage((e as ApiError).message);
    }
  };
  return (
    <>
      <section>
        <h2>{t('settings')}</h2>
        <label>{t('jurisdiction')}<select value={code} onChange={e => setCode(e.target.value)} data-testid="profile-select">
          {profiles.map(p => <option key={p.code} value={p.code}>{p.name}（{t('version')} {p.version}）</option>)}</select></label>
        {profile && <p data-testid="version-label">{profile.versionLabel}</p>}
        {message && <p className={Object.keys(errors).length ? 'error' : 'hint'} data-testid="settings-message">{message}</p>}
      </section>
      {profile && <section>
        <table data-testid="settings">
          <thead><tr><th>{t('setting')}</th><th>{t('rules')}</th><th>{t('value')}</th><th>{t('clause')}</th></tr></thead>
          <tbody>{profile.settings.map(s => (
            <tr key={s.key}>
              <td>{s.label}{s.strictest && <div className="hint">{t('strictest')}</div>}</td>
              <td>{s.rules}</td>
              <td>{canEdit ? (s.kind === 'FLAG' ? (
                <select value={edits[s.key] ?? String(s.value)} onChange={e => setEdits({ ...edits, [s.key]: e.target.value })}>
                  <option value="true">是</option><option value="false">否</option></select>
              ) : s.kind.startsWith('CHOICE') && s.kind !== 'CHOICES' || s.kind.startsWith('GROUP') ? (
                <select value={edits[s.key] ?? (s.value === null ? '' : String(s.value))} onChange={e => setEdits({ ...edits, [s.key]: e.target.value })}>
                  {(s.kind.endsWith('OR_NONE')) && <option value="">—</option>}
                  {s.choices.map(c => <option key={c} value={c}>{c}</option>)}</select>
              ) : (
                <input type="text" aria-label={s.label} value={edits[s.key] ?? show(s.value)}
                  onChange={e => setEdits({ ...edits, [s.key]: e.target.value })} />
              )) : show(s.value)}
                {errors['settings.' + s.key] && <div className="error">{errors['settings.' + s.key]}</div>}</td>
              <td className="hint">{s.clause}</td>
            </tr>))}</tbody>
        </table>
        {canEdit && <form onSubmit={e => { e.preventDefault(); save(); }} noValidate>
          <label htmlFor="edit-reason">{t('editReason')}</label>
          <textarea id="edit-reason" value={reason} onChange={e => setReason(e.target.value)} />
          {errors.reason && <div className="error">{errors.reason}</div>}
          <button className="primary" type="submit" disabled={Object.keys(edits).length === 0}>{t('saveVersion')}</button>
        </form>}
      </section>}
      {profile && <section>
        <h2>{t('versions')}</h2>
        <table data-testid="versions"><tbody>{profile.versions.map(v => (
          <tr key={v.version}><td>{t('version')} {v.version}</td><td>{v.changedAt ? new Date(v.changedAt).toLocaleString() : ''}</td>
            <td>{v.changed ?? ''}<div className="hint">{v.reason}</div></td><td>{v.changedBy}</td></tr>))}</tbody></table>
      </section>}
    </>
  );
}
