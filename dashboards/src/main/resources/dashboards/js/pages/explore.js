// Explore: the analyst's query box, filters, results with highlights, corrections and export.
import { api, apiKey, apiUrl } from '../api.js';
import { h, replace, card, message } from '../dom.js';
import { t, dateTime, languageName, touchpointName } from '../i18n.js';
import { mentionItem } from '../mentions.js';

const FILTERS = ['q', 'brand', 'lang', 'sentiment', 'source', 'touchpoint', 'sort', 'from', 'to'];
const TOUCHPOINTS = ['delivery', 'support', 'price', 'quality', 'app', 'staff', 'waiting', 'payment', 'trust'];
const HELP = [
  ['late delivery', 'help.terms'],
  ['"late delivery"', 'help.phrase'],
  ['a AND b · a OR b · a NOT b', 'help.bool'],
  ['(late OR slow) AND driver', 'help.group'],
  ['deliver*', 'help.wildcard'],
  ['app NEAR/3 crash', 'help.near'],
  ['lang:fa sentiment:negative touchpoint:delivery:negative author:@name site:example.com', 'help.fields'],
];
const EXAMPLES = [
  '(late OR delay*) AND delivery',
  '"customer service" NOT refund',
  'اسنپ AND (تاخیر OR پشتیبانی)',
  'app NEAR/3 crash',
  'touchpoint:delivery:negative lang:fa',
];

export async function render(root, ctx, current) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, ctx.params.get(f) || '']));
  if (!ctx.params.has('brand')) {
    filters.brand = ctx.brand;
  }
  const [facets] = await Promise.all([
    api('/stats/sources', { params: { brand: filters.brand, from: ctx.from, to: ctx.to } })
      .catch(() => ({ sources: [], languages: [] })),
    ctx.brandsLoaded,
  ]);
  if (!current()) {
    return;
  }
  const view = new ExploreView(root, ctx, filters, facets);
  await view.search();
}

class ExploreView {
  constructor(root, ctx, filters, facets) {
    this.ctx = ctx;
    this.filters = filters;
    this.facetsCache = facets;
    this.input = h('input#query', {
      type: 'search', dir: 'auto', value: filters.q, placeholder: t('explore.placeholder'),
      autocomplete: 'off', spellcheck: false, 'aria-describedby': 'query-error',
      oninput: () => this.clearError(),
    });
    this.errorBox = h('div#query-error', { role: 'alert' });
    this.summary = h('div.toolbar');
    this.results = h('ul.mentions#results');
    this.more = h('div.more');
    const form = h('form.query-box', { role: 'search', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      h('label', { for: 'query' }, h('h2', {}, t('explore.query'))),
      h('div.query-line', {},
        h('div.query-input', {}, this.input),
        h('button.primary#search', { type: 'submit' }, t('explore.search'))),
      this.errorBox,
      this.help(),
      this.filterBar());
    replace(root, h('div.grid', {},
      card(null, form, 'span-12'),
      card(null, [this.summary, this.results, this.more], 'span-12.results-card')));
  }

  help() {
    return h('details.help', {},
      h('summary', {}, t('explore.help')),
      h('dl.syntax', {}, HELP.map(([code, key]) => [h('dt', {}, h('code', { dir: 'ltr' }, code)), h('dd', {}, t(key))])),
      h('div', {}, t('explore.helpExamples'), ':',
        h('div.examples', {}, EXAMPLES.map((q) => h('button', {
          type: 'button', dir: 'auto', onclick: () => { this.input.value = q; this.submit(); },
        }, q)))));
  }

  filterBar() {
    const pick = (name, anyLabel, options) => h(`select.filter#filter-${name}`, {
      'aria-label': anyLabel,
      onchange: (e) => { this.filters[name] = e.target.value; this.submit(); },
    },
    h('option', { value: '' }, anyLabel),
    options.map(([value, label]) => h('option', { value, selected: value === this.filters[name] }, label)));
    const sources = this.ctx.params.get('source') && !this.facetsHave(this.filters.source) ? [this.filters.source] : [];
    return h('div.filters', {},
      pick('brand', t('pick.allBrands'), this.ctx.brands.map((b) => [b.id, b.name || b.id])),
      pick('lang', t('explore.anyLang'), this.languages().map((l) => [l, languageName(l)])),
      pick('sentiment', t('sent.any'), ['positive', 'neutral', 'negative'].map((s) => [s, t(`sent.${s}`)])),
      pick('touchpoint', t('tp.any'), TOUCHPOINTS.map((tp) => [tp, touchpointName(tp)])),
      pick('source', t('explore.anySource'), [...this.sourceIds(), ...sources].map((s) => [s, s])),
      pick('sort', t('explore.newest'), [['oldest', t('explore.oldest')], ['engagement', t('explore.engagement')]]),
      this.filters.from || this.filters.to ? h('button.chip.tag#window', {
        type: 'button', title: t('explore.clearWindow'),
        onclick: (e) => { this.filters.from = ''; this.filters.to = ''; e.target.remove(); this.submit(); },
      }, `${dateTime(this.filters.from)} – ${dateTime(this.filters.to)} ✕`) : null);
  }

  languages() {
    const langs = (this.facetsCache?.languages || []).map((l) => l.lang);
    return [...new Set(['fa', 'ar', 'en', ...langs])];
  }

  sourceIds() {
    return (this.facetsCache?.sources || []).map((s) => s.source);
  }

  facetsHave(source) {
    return this.sourceIds().includes(source);
  }

  params(extra = {}) {
    return {
      ...this.filters, q: this.input.value.trim(),
      from: this.filters.from || this.ctx.from, to: this.filters.to || this.ctx.to, ...extra,
    };
  }

  submit() {
    this.filters.q = this.input.value.trim();
    const search = new URLSearchParams(Object.entries(this.filters).filter(([, v]) => v));
    history.replaceState(null, '', `#/explore${search.toString() ? '?' + search : ''}`);
    return this.search();
  }

  async search(cursor) {
    const params = this.params({ size: 20, cursor });
    let page;
    try {
      page = await api('/mentions', { params });
    } catch (error) {
      if (error.position || error.code === 'bad_query') {
        this.showError(error);
        return;
      }
      replace(this.results, message(t('error.load', { msg: error.message }), 'error'));
      return;
    }
    this.clearError();
    if (!cursor) {
      this.results.replaceChildren();
      replace(this.summary,
        h('strong#result-count', { dataset: { total: page.total } },
          t(page.totalExact === false ? 'explore.resultsAtLeast' : 'explore.results', { n: page.total })),
        h('span.spacer'),
        this.exportLink('csv', t('explore.export')),
        this.exportLink('jsonl', t('explore.exportJsonl')));
    }
    if (!cursor && !page.items.length) {
      this.results.append(h('li.empty', {}, t('empty')));
    }
    page.items.forEach((m) => this.results.append(mentionItem(m, { editable: true })));
    replace(this.more, page.cursor
      ? h('button#load-more', { type: 'button', onclick: (e) => { e.target.disabled = true; this.search(page.cursor); } }, t('explore.more'))
      : null);
  }

  exportLink(format, label) {
    const params = { ...this.params(), format };
    delete params.sort;
    const href = apiUrl('/mentions/export', params);
    return h(`a.button.export#export-${format}`, {
      href, download: `shenava-mentions.${format}`,
      onclick: (event) => {
        if (apiKey()) {
          // A link cannot carry the Authorization header: fetch the file and hand it over as a blob.
          event.preventDefault();
          download(href, `shenava-mentions.${format}`);
        }
      },
    }, label);
  }


  showError(error) {
    const query = this.input.value;
    const position = Math.max(1, error.position || 1);
    // The column may be one past the end ("snapp AND" wants a word after AND): mark the end then.
    const start = Math.min(position - 1, query.length);
    const tokenEnd = query.slice(start).search(/[\s()]/);
    const end = start >= query.length ? start : tokenEnd <= 0 ? start + 1 : start + tokenEnd;
    const problem = String(error.message || '').replace(/\s*at column \d+\s*$/, '');
    this.input.classList.add('invalid');
    this.input.setAttribute('aria-invalid', 'true');
    replace(this.errorBox,
      h('pre.query-error', { dataset: { position } },
        query.slice(0, start),
        h(`span.bad${end === start ? '.at-end' : ''}`, {}, query.slice(start, end) || '\u2003'),
        query.slice(end),
        '\n',
        h('span.caret', {}, ' '.repeat(start) + '^')),
      h('p.query-error-message', {}, t('explore.queryError', { col: position }), ': ', problem));
    this.input.focus();
    this.input.setSelectionRange(start, end);
    replace(this.results);
    replace(this.summary, h('span.empty', {}, t('explore.fixQuery')));
    replace(this.more);
  }

  clearError() {
    this.input.classList.remove('invalid');
    this.input.removeAttribute('aria-invalid');
    replace(this.errorBox);
  }
}

async function download(href, name) {
  const response = await fetch(href, { headers: { Authorization: `Bearer ${apiKey()}` } });
  const url = URL.createObjectURL(await response.blob());
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

