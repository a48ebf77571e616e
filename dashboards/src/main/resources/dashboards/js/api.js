// The HTTP client for /api/v1: query strings, the API key, and errors as data.
import { h } from './dom.js';
import { t } from './i18n.js';

const KEY_STORAGE = 'shenava.apiKey';
const BASE = 'api/v1';

/** An error answer from the API: status, code, message and, for query errors, the 1-based column. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error || 'http_' + status;
    this.position = body?.position;
  }
}

export function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || '';
}

/** Builds a query string from an object, leaving out empty values; arrays repeat the parameter. */
export function queryString(params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      search.append(key, v);
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** The URL of an API path, for links such as exports (the key goes in a header, so links work only without keys). */
export function apiUrl(path, params) {
  return `${BASE}${path}${queryString(params)}`;
}

/** Calls the API and returns the parsed JSON; asks for a key on 401 and retries once it is given. */
export async function api(path, { method = 'GET', params, body } = {}) {
  for (;;) {
    const headers = { Accept: 'application/json' };
    const key = apiKey();
    if (key) {
      headers.Authorization = `Bearer ${key}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(apiUrl(path, params), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { error: 'unavailable', message: t('error.network') });
    }
    if (response.status === 401) {
      await askForKey(Boolean(key));
      continue;
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { message: text.slice(0, 200) };
    }
    if (!response.ok) {
      if (response.status === 403) {
        throw new ApiError(403, { error: 'forbidden', message: json?.message || t('auth.forbidden') });
      }
      throw new ApiError(response.status, json);
    }
    return json;
  }
}

let pendingKey = null;

/** Shows the key dialog once, however many requests are waiting for it. */
function askForKey(rejected) {
  if (!pendingKey) {
    pendingKey = new Promise((resolve) => {
      const input = h('input#api-key', { type: 'password', dir: 'ltr', autocomplete: 'off', required: true });
      const dialog = h('dialog.key-dialog', {},
        h('form', {
          method: 'dialog',
          onsubmit: () => {
            localStorage.setItem(KEY_STORAGE, input.value.trim());
          },
        },
        h('h2', {}, t('auth.title')),
        h('p', {}, t('auth.text')),
        rejected ? h('p.error', {}, t('auth.wrong')) : null,
        h('label', {}, t('auth.key'), input),
        h('button.primary', { type: 'submit' }, t('auth.submit'))));
      dialog.addEventListener('close', () => {
        dialog.remove();
        pendingKey = null;
        resolve();
      });
      document.body.append(dialog);
      dialog.showModal();
      input.focus();
    });
  }
  return pendingKey;
}
