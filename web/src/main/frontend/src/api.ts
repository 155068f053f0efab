import Keycloak from 'keycloak-js';

let keycloak: Keycloak | null = null;

export interface Profile { username: string; name: string; creditCode: string; companyName: string; roles: string[]; groups: string[] }

/** Logs in through Keycloak (authorization code with PKCE); the portal's settings come from the server. */
export async function login(): Promise<Profile> {
  const config = await (await fetch('/api/portal-config')).json();
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  const t = keycloak.tokenParsed as Record<string, any>;
  return {
    username: t.preferred_username, name: t.name ?? t.preferred_username, creditCode: t.credit_code ?? '',
    companyName: t.company_name ?? '', roles: t.realm_access?.roles ?? [], groups: t.groups ?? []
  };
}

export function logout() {
  keycloak?.logout({ redirectUri: window.location.origin + '/portal/' });
}

export async function token(): Promise<string> {
  if (!keycloak) throw new Error('not logged in');
  await keycloak.updateToken(30);
  return keycloak.token as string;
}

export class ApiError extends Error {
  constructor(public status: number, message: string, public fields: Record<string, string>) {
    super(message);
  }
}

/** Calls the portal API with the user's token; a refusal becomes an ApiError with the server's per-field messages. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', 'Bearer ' + (await token()));
  if (init.body && !(init.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  const answer = await fetch(path, { ...init, headers });
  if (!answer.ok) {
    const problem = await answer.json().catch(() => ({}));
    const fields: Record<string, string> = {};
    // a message lands at its exact field (lines[1].resourceCode) and, for forms that show one message per list, at the list
    for (const e of problem.errors ?? []) {
      const field = String(e.field);
      fields[field] = e.message;
      const list = field.replace(/\[\d+\].*/, '');
      fields[list] = fields[list] ?? e.message;
    }
    throw new ApiError(answer.status, problem.detail ?? answer.statusText, fields);
  }
  return answer.status === 204 ? (undefined as T) : answer.json();
}

/** Uploads one document and reports progress (fetch cannot). */
export async function upload(file: File, onProgress: (percent: number) => void, path = '/api/documents'): Promise<{ id: number; sha256: string }> {
  const bearer = await token();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', 'Bearer ' + bearer);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}');
      // 201: stored; 200: the company had stored the same file before, and this is its first copy
      if (xhr.status === 201 || xhr.status === 200) resolve(body);
      else reject(new ApiError(xhr.status, body.detail ?? xhr.statusText, {}));
    };
    xhr.onerror = () => reject(new ApiError(0, '网络错误，请重试', {}));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
