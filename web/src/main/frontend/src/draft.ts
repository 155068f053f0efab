// A draft survives a reload: it is kept in this browser per announcement (or per application being supplemented).
import type { Draft } from './validation';

const key = (scope: string) => 'portal-draft:' + scope;

export function saveDraft(scope: string, draft: Draft) {
  localStorage.setItem(key(scope), JSON.stringify(draft));
}

export function loadDraft(scope: string): Draft | null {
  const raw = localStorage.getItem(key(scope));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Draft;
  } catch {
    localStorage.removeItem(key(scope));
    return null;
  }
}

export function clearDraft(scope: string) {
  localStorage.removeItem(key(scope));
}
