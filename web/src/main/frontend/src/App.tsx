import { useEffect, useState } from 'react';
import { api, logout, type Profile } from './api';
import { currentLang, translator, type Lang } from './i18n';
import { Home } from './pages/Home';
import { Apply } from './pages/Apply';
import { Detail } from './pages/Detail';
import { Inbox } from './pages/Inbox';
import { Scenarios } from './pages/Scenarios';
import { ScenarioNew } from './pages/ScenarioNew';
import { ScenarioDetail } from './pages/ScenarioDetail';
import { CatalogAdmin } from './pages/CatalogAdmin';
import { FlowDetail } from './pages/FlowDetail';
import { ProductNew } from './pages/ProductNew';
import { DataUseNew, QualityNew, RiskNew } from './pages/SmallForms';
import { AgreementLifecycle, Agreements, EvaluationDetail, ExitDetail, RectificationDetail } from './pages/Lifecycle';
import { ProfileSettings } from './pages/ProfileSettings';
import { DeveloperDetail, Developers } from './pages/Developers';
import { Dashboard } from './pages/Dashboard';
import { NoticePrint, Notices } from './pages/Notices';
import { SecurityExercises } from './pages/SecurityExercises';
import { DisclosurePlan } from './pages/DisclosurePlan';
import { MyTasks } from './pages/MyTasks';
import './portal.css';

function useHash() {
  const [hash, setHash] = useState(window.location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(window.location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The roles that review in Tasklist: each sees its units' open tasks in the portal. */
const REVIEWER_ROLES = ['authority-reviewer', 'provider-reviewer', 'security-reviewer', 'expert', 'pricing-officer', 'province-reviewer', 'manager', 'administrator'];

export function App({ profile }: { profile: Profile }) {
  const [lang, setLang] = useState<Lang>(currentLang());
  const [unread, setUnread] = useState(0);
  const hash = useHash();
  const t = translator(lang);
  useEffect(() => {
    api<{ unread: number }>('/api/inbox/unread-count').then(r => setUnread(r.unread)).catch(() => undefined);
  }, [hash]);
  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('portal-lang', next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLang(next);
  };
  const [, page, id, mode] = hash.split('/');
  const operator = profile.roles.includes('operator') || profile.roles.includes('developer');
  const authority = profile.roles.includes('authority-reviewer');
  const manager = profile.roles.includes('manager');
  const reviewer = REVIEWER_ROLES.some(r => profile.roles.includes(r));
  return (
    <>
      <header>
        <a href="#/" className="brand">{t('title')}</a>
        <nav>
          <a href="#/">{t('home')}</a>
          {operator && <a href="#/scenarios" data-testid="scenarios-link">{t('scenarios')}</a>}
          {operator && <a href="#/risks/new" data-testid="risk-link">{t('newRiskReport')}</a>}
          {operator && <a href="#/developers" data-testid="developers-link">{t('developers')}</a>}
          {operator && <a href="#/drills" data-testid="drills-link">{t('exercises')}</a>}
          {reviewer && <a href="#/tasks" data-testid="tasks-link">{t('myTasks')}</a>}
          {authority && <a href="#/catalog" data-testid="catalog-link">{t('catalogAdmin')}</a>}
          {(operator || authority) && <a href="#/lifecycle" data-testid="lifecycle-link">{t('lifecycle')}</a>}
          {profile.roles.includes('operator') && <a href="#/notices" data-testid="notices-link">{t('officialNotices')}</a>}
          {profile.roles.includes('operator') && <a href="#/disclosure-plan" data-testid="disclosure-plan-link">{t('disclosurePlanLink')}</a>}
          {manager && <a href="#/dashboard" data-testid="dashboard-link">{t('dashboard')}</a>}
          {(authority || manager) && <a href="#/settings" data-testid="settings-link">{t('settings')}</a>}
          <a href="#/inbox" data-testid="inbox-link">{t('inbox')}{unread > 0 && <span className="badge" data-testid="unread">{unread}</span>}</a>
          <span className="who">{profile.companyName || profile.name}</span>
          <button onClick={switchLang}>{t('language')}</button>
          <button onClick={logout}>{t('logout')}</button>
        </nav>
      </header>
      <main>
        {page === 'apply' && <Apply t={t} lang={lang} profile={profile} announcementId={Number(id)} />}
        {page === 'applications' && mode === 'supplement' && <Apply t={t} lang={lang} profile={profile} applicationId={Number(id)} />}
        {page === 'applications' && mode !== 'supplement' && <Detail t={t} applicationId={Number(id)} />}
        {page === 'inbox' && <Inbox t={t} onRead={() => setUnread(u => Math.max(0, u - 1))} />}
        {page === 'scenarios' && !id && <Scenarios t={t} developer={profile.roles.includes('developer')} />}
        {page === 'scenarios' && id === 'new' && <ScenarioNew t={t} lang={lang} />}
        {page === 'scenarios' && id && id !== 'new' && mode === 'supplement' && <ScenarioNew t={t} lang={lang} scenarioId={Number(id)} />}
        {page === 'scenarios' && id && id !== 'new' && mode !== 'supplement' && <ScenarioDetail t={t} scenarioId={Number(id)} />}
        {page === 'catalog' && authority && <CatalogAdmin t={t} />}
        {page === 'products' && id === 'new' && <ProductNew t={t} scenarioId={Number(mode)} />}
        {page === 'products' && id !== 'new' && <FlowDetail t={t} kind="products" id={Number(id)} creditCode={profile.creditCode} />}
        {page === 'data-use' && id === 'new' && <DataUseNew t={t} scenarioId={Number(mode)} />}
        {page === 'data-use' && id !== 'new' && <FlowDetail t={t} kind="data-use-requests" id={Number(id)} />}
        {page === 'quality' && id === 'new' && <QualityNew t={t} scenarioId={Number(mode)} />}
        {page === 'quality' && id !== 'new' && <FlowDetail t={t} kind="quality-issues" id={Number(id)} />}
        {page === 'risks' && id === 'new' && <RiskNew t={t} />}
        {page === 'risks' && id !== 'new' && <FlowDetail t={t} kind="risk-reports" id={Number(id)} />}
        {page === 'lifecycle' && !id && <Agreements t={t} operator={operator} />}
        {page === 'lifecycle' && id && <AgreementLifecycle t={t} id={Number(id)} operator={operator} authority={authority} />}
        {page === 'evaluations' && id && <EvaluationDetail t={t} id={Number(id)} operator={operator} />}
        {page === 'rectifications' && id && <RectificationDetail t={t} id={Number(id)} operator={operator} />}
        {page === 'exits' && id && <ExitDetail t={t} id={Number(id)} operator={operator} />}
        {page === 'developers' && !id && <Developers t={t} profile={profile} />}
        {page === 'developers' && id && <DeveloperDetail t={t} id={Number(id)} profile={profile} />}
        {page === 'settings' && <ProfileSettings t={t} canEdit={authority || manager} />}
        {page === 'tasks' && reviewer && <MyTasks t={t} />}
        {page === 'notices' && !id && <Notices t={t} />}
        {page === 'notices' && id && <NoticePrint t={t} id={Number(id)} />}
        {page === 'dashboard' && manager && <Dashboard t={t} groups={profile.groups} />}
        {page === 'drills' && operator && <SecurityExercises t={t} />}
        {page === 'disclosure-plan' && profile.roles.includes('operator') && <DisclosurePlan t={t} />}
        {(!page || page === '') && <Home t={t} operator={operator} authority={authority} />}
      </main>
    </>
  );
}
