import { createRoot } from 'react-dom/client';
import { App } from './App';
import { login } from './api';

login().then(profile => createRoot(document.getElementById('root')!).render(<App profile={profile} />))
  .catch(() => { document.getElementById('root')!.textContent = '无法连接登录服务（Keycloak），请稍后刷新页面。'; });
