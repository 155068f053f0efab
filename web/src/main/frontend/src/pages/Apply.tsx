import { useEffect, useRef, useState } from 'react';
import { api, upload, ApiError, type Profile } from '../api';
import { clearDraft, loadDraft, saveDraft } from '../draft';
import { SECTION_TITLES, type Key, type Lang } from '../i18n';
import { emptyDraft, toForm, validate, type Draft } from '../validation';

interface Announcement { id: number; title: string; resourceCodes: string[] }
interface Resource { code: string; name: string; providerName: string }
type Kind = Draft['documents'][number]['kind'];

interface Props {
  t: (k: Key) => string; lang: Lang; profile: Profile;
  announcementId?: number; applicationId?: number;
}

/** The admission application (template 000's eight sections), or its supplement after a 补正. */
export function Apply({ t, lang, profile, announcementId, applicationId }: Props) {
  const scope = applicationId ? 's' + applicationId : 'a' + announcementId;
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [resources, setResources] = useState<Resource[]>([]);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(scope) ?? { ...emptyDraft(profile.creditCode), companyName: profile.companyName });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [uploads, setUploads] = useState<Record<string, number>>({});
  const first = useRef(true);

  useEffect(() => {
    (async () => {
      let annId = announcementId;
      if (applicationId) {
        const app = await api<any>(`/api/applications/${applicationId}`);
        annId = app.announcementId;
        if (!loadDraft(scope)) {
          setDraft(d => ({ ...d, companyName: app.companyName, legalRepresentative: app.legalRepresentative,
            principal: app.principal, businessLead: app.businessLead, securityLead: app.securityLead,
            contactName: app.contactName, contactPhone: app.contactPhone, contactEmail: app.contactEmail,
            resourceCodes: app.resourceCodes,
            sections: app.planSections.map((s: any) => s.content),
            documents: app.documents.map((doc: any) => ({ documentId: doc.documentId, kind: doc.kind, fileName: '#' + doc.documentId })) }));
        }
      }
      setAnnouncement(await api<Announcement>(`/api/announcements/${annId}`));
      setResources(await (await fetch('/api/catalog/resources')).json());
    })().catch(e => setMessage(e.message));
  }, [announcementId, applicationId, scope]);

  useEffect(() => {
    if (first.current) { first.current = false; return; }
    saveDraft(scope, draft);
  }, [draft, scope]);

  // once the user has tried to send, every change checks the draft again, so a corrected field loses its message
  const tried = useRef(false);
  const set = (field: keyof Draft, value: unknown) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (tried.current) {
      const local = validate(next);
      setErrors(old => Object.fromEntries(Object.keys({ ...old, ...local }).map(f => [f, local[f] ? t(local[f]) : ''])));
    }
  };
  const fieldError = (f: string) => errors[f] && <div className="error" data-testid={'error-' + f}>{errors[f]}</div>;
  const text = (f: 'companyName' | 'legalRepresentative' | 'principal' | 'businessLead' | 'securityLead' | 'contactName' | 'contactPhone' | 'contactEmail', type = 'text', readOnly = false) => (
    <div className={errors[f] ? 'invalid' : ''}>
      <label htmlFor={f}>{t(f)}</label>
      <input id={f} name={f} type={type} value={draft[f]} readOnly={readOnly} onChange={e => set(f, e.target.value)} />
      {fieldError(f)}
    </div>
  );

  const attach = async (kind: Kind, file: File | undefined) => {
    if (!file) return;
    try {
      const stored = await upload(file, p => setUploads(u => ({ ...u, [file.name]: p })));
      setDraft(d => ({ ...d, documents: [...d.documents, { documentId: stored.id, kind, fileName: file.name }] }));
      setErrors(e => ({ ...e, documents: '' }));
    } catch (e) {
      setErrors(er => ({ ...er, documents: (e as Error).message }));
    } finally {
      setUploads(u => { const { [file.name]: _, ...rest } = u; return rest; });
    }
  };

  const submit = async () => {
    tried.current = true;
    const local = validate(draft);
    setErrors(Object.fromEntries(Object.entries(local).map(([f, k]) => [f, t(k)])));
    if (Object.keys(local).length > 0) { setMessage(t('fixErrors')); return; }
    setBusy(true);
    setMessage(t('submitting'));
    try {
      const form = toForm(announcement!.id, draft);
      const saved = await api<{ id: number }>(applicationId ? `/api/applications/${applicationId}/supplement` : '/api/applications',
        { method: 'POST', body: JSON.stringify(form) });
      clearDraft(scope);
      window.location.hash = '#/applications/' + saved.id;
    } catch (e) {
      const err = e as ApiError;
      setErrors(err.fields ?? {});
      setMessage(err.message);
    } finally {
      setBusy(false);
    }
  };

  if (!announcement) return <section>{message || '…'}</section>;
  const offered = resources.filter(r => announcement.resourceCodes.includes(r.code));
  return (
    <form onSubmit={e => { e.preventDefault(); submit(); }} noValidate>
      <section>
        <h2>{announcement.title}</h2>
        <p className="hint">{t('draftSaved')}</p>
      </section>
      <section>
        <h2>{t('company')}</h2>
        <label htmlFor="creditCode">{t('creditCode')}</label><input id="creditCode" name="creditCode" type="text" value={draft.creditCode} readOnly />
        {fieldError('creditCode')}
        {text('companyName', 'text', !!profile.companyName)}{text('legalRepresentative')}{text('principal')}{text('businessLead')}{text('securityLead')}
        {text('contactName')}{text('contactPhone', 'tel')}{text('contactEmail', 'email')}
      </section>
      <section>
        <h2>{t('plan')}</h2>
        {fieldError('planSections')}
        {SECTION_TITLES[lang].map((title, i) => (
          <div key={i} className={errors['section' + (i + 1)] ? 'invalid' : ''}>
            <label htmlFor={'section' + (i + 1)}>{title}</label>
            <textarea id={'section' + (i + 1)} value={draft.sections[i]}
              onChange={e => set('sections', draft.sections.map((s, j) => (j === i ? e.target.value : s)))} />
            {fieldError('section' + (i + 1))}
          </div>
        ))}
      </section>
      <section>
        <h2>{t('resources')}</h2>
        {offered.map(r => (
          <label key={r.code} style={{ fontWeight: 'normal' }}>
            <input type="checkbox" name="resource" value={r.code} checked={draft.resourceCodes.includes(r.code)}
              onChange={e => set('resourceCodes', e.target.checked ? [...draft.resourceCodes, r.code]
                : draft.resourceCodes.filter(c => c !== r.code))} /> {r.providerName}：{r.name}
          </label>
        ))}
        {fieldError('resourceCodes')}
      </section>
      <section>
        <h2>{t('documents')}</h2>
        {(['EMERGENCY_PLAN', 'QUALIFICATION', 'ANNEX'] as Kind[]).map(kind => (
          <div key={kind}>
            <span className="file-label">{t(kind === 'EMERGENCY_PLAN' ? 'emergencyPlan' : kind === 'QUALIFICATION' ? 'qualification' : 'annex')}</span>
            {/* the browser's own file button speaks the browser's language; this one speaks the portal's */}
            <label htmlFor={'file-' + kind} className="file-button">{t('chooseFile')}</label>
            <input id={'file-' + kind} className="file-input" type="file" accept="application/pdf,image/png,image/jpeg"
              onChange={e => { attach(kind, e.target.files?.[0]); e.target.value = ''; }} />
            <span className="hint">{draft.documents.filter(d => d.kind === kind).map(d => d.fileName).join('、') || t('noFileChosen')}</span>
          </div>
        ))}
        {Object.entries(uploads).map(([name, p]) => <div key={name}>{t('uploading')} {name} <progress value={p} max={100} /> {p}%</div>)}
        <ul>{draft.documents.map(d => (
          <li key={d.documentId} data-testid="uploaded">{d.fileName}（{t('uploaded')}）
            <button type="button" onClick={() => set('documents', draft.documents.filter(x => x.documentId !== d.documentId))}>×</button></li>
        ))}</ul>
        {fieldError('documents')}
      </section>
      <section>
        {message && <p className={Object.keys(errors).some(k => errors[k]) ? 'error' : 'hint'} data-testid="message">{message}</p>}
        <button className="primary" type="submit" disabled={busy}>{applicationId ? t('submitSupplement') : t('submit')}</button>
      </section>
    </form>
  );
}
