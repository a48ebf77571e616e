// Sources and brands: crawl status in words, and forms to add and edit both.
import { api } from '../api.js';
import { setBrands } from '../app.js';
import { h, labelled, replace, card, message } from '../dom.js';
import { t, num, ago, dateTime } from '../i18n.js';

const KINDS = ['rss', 'web', 'telegram', 'reddit', 'mastodon', 'hackernews', 'appstore', 'x', 'youtube', 'bluesky'];
const list = (answer) => (Array.isArray(answer) ? answer : answer?.items || answer?.sources || answer?.brands || []);

export async function render(root, ctx, current) {
  const [sources, brands] = await Promise.all([api('/sources').then(list), api('/brands').then(list)]);
  if (!current()) {
    return;
  }
  const sourcesBox = h('div#sources');
  const brandsBox = h('div#brands');
  const reload = async () => {
    const [s, b] = await Promise.all([api('/sources').then(list), api('/brands').then(list)]);
    setBrands(b);
    drawSources(sourcesBox, s, b, reload);
    drawBrands(brandsBox, b, reload);
  };
  drawSources(sourcesBox, sources, brands, reload);
  drawBrands(brandsBox, brands, reload);
  replace(root, h('div.grid', {},
    card(t('src.sources'), sourcesBox, 'span-12'),
    card(t('src.brands'), brandsBox, 'span-12')));
}

/** Says what a crawl error means for the user, keeping the original text beside it. */
export function errorInWords(error) {
  if (!error) {
    return '';
  }
  const text = String(error);
  const status = text.match(/\b(401|403|404|410|429|5\d\d)\b/);
  const words = status ? t(`srcerr.${status[1].startsWith('5') ? '5xx' : status[1]}`)
    : /timed? ?out/i.test(text) ? t('srcerr.timeout')
      : /unknownhost|resolve|dns/i.test(text) ? t('srcerr.dns')
        : /robots/i.test(text) ? t('srcerr.robots')
          : /credential|token|api key|env/i.test(text) ? t('srcerr.credential') : '';
  return words && !words.startsWith('srcerr.') ? `${words} (${text})` : text;
}

function stateClass(source) {
  if (source.status?.lastError && source.status.state !== 'ok') {
    return 'error';
  }
  return source.enabled === false ? 'paused' : 'ok';
}

function drawSources(box, sources, brands, reload) {
  const slot = h('div.form-slot');
  const open = (source) => replace(slot, sourceForm(source, brands, () => replace(slot), reload));
  replace(box,
    h('div.toolbar', {}, h('button.primary#new-source', { type: 'button', onclick: () => open(null) }, t('src.newSource'))),
    slot,
    sources.length ? h('div.table-wrap', {}, labelled(h('table#sources-table', {},
      h('thead', {}, h('tr', {}, [t('src.id'), t('src.kind'), t('src.brandsServed'), t('src.state'), t('src.lastSuccess'),
        t('src.lastError'), t('src.fetched'), t('src.nextPoll'), ''].map((label) => h('th', {}, label)))),
      h('tbody', {}, sources.map((s) => {
        const status = s.status || {};
        return h('tr', { dataset: { id: s.id } },
          h('td', {}, h('bdi', { dir: 'ltr' }, s.id)),
          h('td', {}, s.kind),
          h('td', {}, (s.brands || []).join(', ')),
          h('td', {}, h(`span.state.${stateClass(s)}`, {}, status.state || (s.enabled === false ? t('alerts.disabled') : t('alerts.enabled')))),
          h('td', { title: dateTime(status.lastSuccess) }, ago(status.lastSuccess)),
          status.lastError ? h('td.err-text', {}, h('bdi', { dir: 'auto' }, errorInWords(status.lastError))) : h('td.empty', {}, t('src.none')),
          h('td.num', {}, num(status.postsFetched ?? 0)),
          h('td', { title: dateTime(status.nextPoll) }, status.nextPoll ? ago(status.nextPoll) : '–'),
          h('td', {}, h('button.edit-source', { type: 'button', onclick: () => open(s) }, t('alerts.edit'))));
      })))))
      : message(t('src.noSources')));
}

function sourceForm(source, brands, close, reload) {
  const s = source || { kind: 'rss', params: { url: '' }, brands: [], intervalSeconds: 900, enabled: true };
  const id = h('input', { type: 'text', name: 'id', dir: 'ltr', value: s.id || '', required: true, readOnly: Boolean(source) });
  const kind = h('select', { name: 'kind' }, KINDS.map((k) => h('option', { value: k, selected: k === s.kind }, k)));
  const params = h('textarea', { name: 'params', dir: 'ltr', value: JSON.stringify(s.params || {}, null, 2) });
  const served = brands.map((b) => h('input', { type: 'checkbox', value: b.id, checked: (s.brands || []).includes(b.id) }));
  const interval = h('input', { type: 'number', name: 'intervalSeconds', min: 60, value: s.intervalSeconds });
  const credential = h('input', { type: 'text', name: 'credentialEnv', dir: 'ltr', value: s.credentialEnv || '', placeholder: 'TELEGRAM_BOT_TOKEN' });
  const enabled = h('input', { type: 'checkbox', checked: s.enabled !== false });
  const error = h('p.form-error');
  return h('form.edit.source-form', {
    onsubmit: async (event) => {
      event.preventDefault();
      let parsed;
      try {
        parsed = JSON.parse(params.value || '{}');
        if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed === null) {
          throw new Error();
        }
      } catch {
        error.textContent = t('form.badJson');
        return;
      }
      const body = {
        id: id.value.trim(), kind: kind.value, params: parsed,
        brands: served.filter((c) => c.checked).map((c) => c.value),
        intervalSeconds: Number(interval.value), enabled: enabled.checked,
        ...(credential.value.trim() ? { credentialEnv: credential.value.trim() } : {}),
      };
      if (!body.id) {
        error.textContent = t('form.required', { field: t('src.id') });
        return;
      }
      try {
        await (source
          ? api(`/sources/${encodeURIComponent(source.id)}`, { method: 'PUT', body })
          : api('/sources', { method: 'POST', body }));
        close();
        reload();
      } catch (e) {
        error.textContent = e.message;
      }
    },
  },
  h('label', {}, t('src.id'), id),
  h('label', {}, t('src.kind'), kind),
  h('label', {}, t('src.interval'), interval),
  h('label', {}, t('src.credentialEnv'), credential),
  h('label.wide', {}, t('src.params'), params),
  h('fieldset.wide', {}, h('legend', {}, t('src.brandsServed')),
    brands.map((b, i) => h('label.check', {}, served[i], b.name || b.id))),
  h('label.check', {}, enabled, t('alerts.enabled')),
  error,
  h('div.actions', {},
    h('button.primary', { type: 'submit' }, t('form.save')),
    h('button', { type: 'button', onclick: close }, t('form.cancel'))));
}

function drawBrands(box, brands, reload) {
  const slot = h('div.form-slot');
  const open = (brand) => replace(slot, brandForm(brand, brands, () => replace(slot), reload));
  replace(box,
    h('div.toolbar', {}, h('button.primary#new-brand', { type: 'button', onclick: () => open(null) }, t('src.newBrand'))),
    slot,
    brands.length ? h('div.table-wrap', {}, labelled(h('table#brands-table', {},
      h('thead', {}, h('tr', {}, [t('src.id'), t('brand.name'), t('brand.terms'), t('brand.excludes'), t('brand.competitors'), '']
        .map((label) => h('th', {}, label)))),
      h('tbody', {}, brands.map((b) => h('tr', { dataset: { id: b.id } },
        h('td', {}, h('bdi', { dir: 'ltr' }, b.id)),
        h('td', {}, h('bdi', { dir: 'auto' }, b.name)),
        h('td', {}, h('div.chips', {}, (b.terms || []).map((x) => h('span.chip', { dir: 'auto' }, x)))),
        h('td', {}, h('div.chips', {}, (b.excludes || []).map((x) => h('span.chip', { dir: 'auto' }, x)))),
        h('td', {}, (b.competitors || []).map((c) => brands.find((x) => x.id === c)?.name || c).join('، ')),
        h('td', {}, h('button.edit-brand', { type: 'button', onclick: () => open(b) }, t('alerts.edit')))))))))
      : message(t('src.noBrands')));
}

function brandForm(brand, brands, close, reload) {
  const b = brand || { terms: [], excludes: [], competitors: [] };
  const lines = (values) => (values || []).join('\n');
  const split = (text) => text.split('\n').map((x) => x.trim()).filter(Boolean);
  const id = h('input', { type: 'text', dir: 'ltr', value: b.id || '', required: true, readOnly: Boolean(brand) });
  const name = h('input', { type: 'text', dir: 'auto', value: b.name || '', required: true });
  const terms = h('textarea', { dir: 'auto', value: lines(b.terms) });
  const excludes = h('textarea', { dir: 'auto', value: lines(b.excludes) });
  const others = brands.filter((x) => x.id !== b.id);
  const competitors = others.map((x) => h('input', { type: 'checkbox', value: x.id, checked: (b.competitors || []).includes(x.id) }));
  const query = h('input', { type: 'text', dir: 'auto', value: b.query || '' });
  const error = h('p.form-error');
  return h('form.edit.brand-form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {
        id: id.value.trim(), name: name.value.trim(), terms: split(terms.value), excludes: split(excludes.value),
        competitors: competitors.filter((c) => c.checked).map((c) => c.value),
        ...(query.value.trim() ? { query: query.value.trim() } : {}),
      };
      try {
        await (brand
          ? api(`/brands/${encodeURIComponent(brand.id)}`, { method: 'PUT', body })
          : api('/brands', { method: 'POST', body }));
        close();
        reload();
      } catch (e) {
        error.textContent = e.message;
      }
    },
  },
  h('label', {}, t('src.id'), id),
  h('label', {}, t('brand.name'), name),
  h('label', {}, t('brand.terms'), terms),
  h('label', {}, t('brand.excludes'), excludes),
  h('label.wide', {}, t('brand.query'), query),
  h('fieldset.wide', {}, h('legend', {}, t('brand.competitors')),
    others.map((x, i) => h('label.check', {}, competitors[i], x.name || x.id))),
  error,
  h('div.actions', {},
    h('button.primary', { type: 'submit' }, t('form.save')),
    h('button', { type: 'button', onclick: close }, t('form.cancel'))));
}

