// The shell: header, pickers, language switch and a small hash router (#/page?param=value).
import { api } from './api.js';
import { disposeCharts } from './charts.js';
import { h, replace, message } from './dom.js';
import { settings, updateSettings, applyDocumentLanguage, t } from './i18n.js';

const PAGES = {
  overview: () => import('./pages/overview.js'),
  explore: () => import('./pages/explore.js'),
  compare: () => import('./pages/compare.js'),
  alerts: () => import('./pages/alerts.js'),
  sources: () => import('./pages/sources.js'),
};

const PERIODS = { '24h': 1, '7d': 7, '30d': 30, '90d': 90, '365d': 365 };
const STATE_KEY = 'shenava.view';

const state = {
  brands: [],
  brand: '',
  period: '30d',
  ...JSON.parse(localStorage.getItem(STATE_KEY) || '{}'),
};

let renderToken = 0;

/** Where the page is: route name and its hash parameters. */
export function currentRoute() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const name = PAGES[path] ? path : 'overview';
  return { name, params: new URLSearchParams(query) };
}

/** Navigates within the app, e.g. go('explore', {q: 'late'}). */
export function go(name, params = {}) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const text = search.toString();
  location.hash = `#/${name}${text ? '?' + text : ''}`;
}

/** The time window of the chosen period, its predecessor of equal length, and a fitting bucket size. */
function periodWindow(period) {
  const days = PERIODS[period] || 30;
  const to = new Date();
  to.setSeconds(0, 0);
  const from = new Date(to.getTime() - days * 86400000);
  const prevFrom = new Date(from.getTime() - days * 86400000);
  const interval = days <= 1 ? 'hour' : days <= 90 ? 'day' : 'week';
  return { from: from.toISOString(), to: to.toISOString(), prevFrom: prevFrom.toISOString(), interval, days };
}

function context(route) {
  return {
    brand: state.brand,
    // The brand list loads beside the first page's data; pages that list brands await brandsLoaded.
    get brands() {
      return state.brands;
    },
    brandsLoaded,
    brandName: (id) => state.brands.find((b) => b.id === id)?.name || id,
    period: state.period,
    ...periodWindow(state.period),
    params: route.params,
    go,
    refresh: render,
  };
}

async function render() {
  const token = ++renderToken;
  const route = currentRoute();
  disposeCharts();
  for (const link of document.querySelectorAll('nav.pages a')) {
    link.classList.toggle('active', link.dataset.page === route.name);
    link.toggleAttribute('aria-current', link.dataset.page === route.name);
    if (link.dataset.page === route.name) {
      link.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
  const main = document.getElementById('view');
  main.dataset.page = route.name;
  main.setAttribute('aria-busy', 'true');
  replace(main, message(t('loading'), 'loading'));
  try {
    const page = await PAGES[route.name]();
    if (token !== renderToken) {
      return;
    }
    const ctx = context(route);
    // The window a page shows, so that a reader (or a test) can ask the API the same question.
    Object.assign(main.dataset, { brand: ctx.brand, from: ctx.from, to: ctx.to, interval: ctx.interval });
    await page.render(main, ctx, () => token === renderToken);
  } catch (error) {
    if (token === renderToken) {
      replace(main, message(t('error.load', { msg: error.message }), 'error'));
    }
  } finally {
    if (token === renderToken) {
      if (!performance.getEntriesByName('shenava-ready').length) {
        performance.mark('shenava-ready');
      }
      main.setAttribute('aria-busy', 'false');
    }
  }
}

function saveState() {
  localStorage.setItem(STATE_KEY, JSON.stringify({ brand: state.brand, period: state.period }));
}

function select(id, label, options, value, onchange) {
  return h('label.picker', {}, h('span', {}, label),
    h(`select#${id}`, { onchange: (e) => onchange(e.target.value) },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

function header() {
  const nav = h('nav.pages', { 'aria-label': t('appName') },
    Object.keys(PAGES).map((name) => h(`a${name === currentRoute().name ? '.active' : ''}`, {
      href: `#/${name}`, dataset: { page: name }, 'aria-current': name === currentRoute().name ? 'page' : undefined,
    }, t(`nav.${name}`))));
  const pickers = h('div.pickers', {},
    select('brand-picker', t('pick.brand'),
      [['', t('pick.allBrands')], ...state.brands.map((b) => [b.id, b.name || b.id])], state.brand,
      (v) => { state.brand = v; saveState(); render(); }),
    select('period-picker', t('pick.period'),
      Object.keys(PERIODS).map((p) => [p, t(`period.${p}`)]), state.period,
      (v) => { state.period = v; saveState(); render(); }),
    select('calendar-picker', t('settings.calendar'),
      [['gregory', t('settings.gregorian')], ['persian', t('settings.jalali')]], settings.calendar,
      (v) => { updateSettings({ calendar: v }); render(); }),
    select('digits-picker', t('settings.digits'),
      [['latin', t('settings.latinDigits')], ['persian', t('settings.persianDigits')]], settings.digits,
      (v) => { updateSettings({ digits: v }); render(); }),
    h('button.lang-switch#lang-switch', {
      type: 'button',
      lang: settings.lang === 'fa' ? 'en' : 'fa',
      onclick: () => switchLanguage(settings.lang === 'fa' ? 'en' : 'fa'),
    }, settings.lang === 'fa' ? 'English' : 'فارسی'));
  return [
    h('div.bar', {},
      h('a.logo', { href: '#/overview' }, h('span.mark', { 'aria-hidden': 'true' }), t('appName'),
        h('small', {}, t('tagline'))),
      nav),
    pickers,
  ];
}

function switchLanguage(lang) {
  updateSettings({ lang });
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  drawShell();
  render();
}

function drawShell() {
  applyDocumentLanguage();
  replace(document.getElementById('top'), header());
}

let brandsLoaded = Promise.resolve([]);

async function loadBrands() {
  try {
    const answer = await api('/brands');
    state.brands = Array.isArray(answer) ? answer : (answer?.items || answer?.brands || []);
  } catch {
    state.brands = [];
  }
  return state.brands;
}

async function start() {
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang === 'fa' || lang === 'en') {
    updateSettings({ lang });
  }
  applyDocumentLanguage();
  brandsLoaded = loadBrands();
  const returning = Boolean(localStorage.getItem(STATE_KEY));
  if (!returning) {
    // A first visit starts with a brand that has competitors, so that share of voice means something.
    const brands = await brandsLoaded;
    state.brand = (brands.find((b) => b.competitors?.length) || brands[0])?.id || '';
  }
  drawShell();
  window.addEventListener('hashchange', render);
  const first = render();
  await brandsLoaded;
  if (state.brand && state.brands.length && !state.brands.some((b) => b.id === state.brand)) {
    // The remembered brand is gone: show all brands.
    state.brand = '';
    saveState();
    drawShell();
    render();
    return;
  }
  drawShell();
  await first;
}

/** Lets a page update the brand list after it changed them (sources and brands page). */
export function setBrands(brands) {
  state.brands = brands;
  brandsLoaded = Promise.resolve(brands);
  drawShell();
}

start();
