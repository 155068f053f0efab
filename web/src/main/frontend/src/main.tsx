import { createRoot } from 'react-dom/client';
import { App } from './App';
import { login } from './api';
import { PublicSite } from './pages/Public';

// The disclosure site is for everyone: it opens without a login; the rest of the portal logs in through Keycloak.
const root = createRoot(document.getElementById('root')!);
if (window.location.hash.startsWith('#/public')) {
  root.render(<PublicSite />);
  window.addEventListener('hashchange', () => { if (!window.location.hash.startsWith('#/public')) window.location.reload(); });
} else {
  login().then(profile => root.render(<App profile={profile} />))
    .catch(() => { document.getElementById('root')!.textContent = '无法连接登录服务（Keycloak），请稍后刷新页面。'; });
}
