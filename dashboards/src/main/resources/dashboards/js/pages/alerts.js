// Alerts: rules (create, edit, test-fire) and the events they raised, with why.
import { api } from '../api.js';
import { h, labelled, replace, card, message, toast, toastError } from '../dom.js';
import { t, num, dateTime } from '../i18n.js';

const SIGNALS = ['negative_spike', 'volume_spike', 'sentiment_drop'];
const SENSITIVITIES = ['low', 'medium', 'high'];

const list = (answer) => (Array.isArray(answer) ? answer : answer?.items || []);

export async function render(root, ctx, current) {
  const [, rules, events] = await Promise.all([
    ctx.brandsLoaded,
    api('/alert-rules').then(list),
    api('/alerts', { params: { brand: ctx.brand, from: ctx.from, to: ctx.to, size: 50 } }).then(list),
  ]);
  if (!current()) {
    return;
  }
  const rulesBox = h('div#rules');
  const eventsBox = h('div#events');
  const reload = async () => {
    const [r, e] = await Promise.all([
      api('/alert-rules').then(list),
      api('/alerts', { params: { brand: ctx.brand, from: ctx.from, to: ctx.to, size: 50 } }).then(list),
    ]);
    drawRules(rulesBox, r, ctx, reload);
    drawEvents(eventsBox, e, ctx);
  };
  drawRules(rulesBox, rules, ctx, reload);
  drawEvents(eventsBox, events, ctx);
  replace(root, h('div.grid', {},
    card(t('alerts.rules'), rulesBox, 'span-12'),
    card(t('alerts.events'), eventsBox, 'span-12')));
}

function drawRules(box, rules, ctx, reload) {
  const formSlot = h('div.form-slot');
  const open = (rule) => replace(formSlot, ruleForm(rule, ctx, () => replace(formSlot), reload));
  replace(box,
    h('div.toolbar', {}, h('button.primary#new-rule', { type: 'button', onclick: () => open(null) }, t('alerts.newRule'))),
    formSlot,
    rules.length ? h('div.table-wrap', {}, labelled(h('table#rules-table', {},
      h('thead', {}, h('tr', {}, [t('pick.brand'), t('alerts.signal'), t('alerts.sensitivity'), t('alerts.minVolume'),
        t('alerts.cooldown'), t('alerts.targets'), t('src.state'), ''].map((label) => h('th', {}, label)))),
      h('tbody', {}, rules.map((rule) => h('tr', { dataset: { id: rule.id } },
        h('td', {}, ctx.brandName(rule.brand)),
        h('td', {}, t(`signal.${rule.signal}`)),
        h('td', {}, t(`sens.${rule.sensitivity}`)),
        h('td.num', {}, num(rule.minVolume)),
        h('td.num', {}, num(rule.cooldownMinutes)),
        h('td', {}, (rule.targets || []).map((target) => h('div', { dir: 'ltr' }, hostOf(target.url),
          target.format === 'slack' ? ' (Slack)' : ''))),
        h('td', {}, h(`span.state.${rule.enabled ? 'ok' : 'paused'}`, {}, t(rule.enabled ? 'alerts.enabled' : 'alerts.disabled'))),
        h('td', {}, h('div.chips', {},
          h('button.edit-rule', { type: 'button', onclick: () => open(rule) }, t('alerts.edit')),
          h('button.test-rule', { type: 'button', onclick: (e) => testFire(rule, e.target, reload) }, t('alerts.test')),
          h('button.danger', {
            type: 'button',
            onclick: async () => {
              if (confirm(t('alerts.confirmDelete'))) {
                await api(`/alert-rules/${encodeURIComponent(rule.id)}`, { method: 'DELETE' }).catch(toastError);
                reload();
              }
            },
          }, t('alerts.delete'))))))))))
      : message(t('alerts.noRules')));
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function testFire(rule, button, reload) {
  button.disabled = true;
  try {
    await api(`/alert-rules/${encodeURIComponent(rule.id)}/test`, { method: 'POST' });
    toast(t('alerts.tested'));
    await reload();
  } catch (error) {
    toastError(error);
  } finally {
    button.disabled = false;
  }
}

function ruleForm(rule, ctx, close, reload) {
  const r = rule || { brand: ctx.brand || ctx.brands[0]?.id, signal: 'negative_spike', sensitivity: 'medium',
    minVolume: 20, cooldownMinutes: 60, targets: [], enabled: true };
  const field = (label, input, wide) => h(`label${wide ? '.wide' : ''}`, {}, label, input);
  const brand = h('select', { name: 'brand' }, ctx.brands.map((b) => h('option', { value: b.id, selected: b.id === r.brand }, b.name || b.id)));
  const signal = h('select', { name: 'signal' }, SIGNALS.map((s) => h('option', { value: s, selected: s === r.signal }, t(`signal.${s}`))));
  const sensitivity = h('select', { name: 'sensitivity' },
    SENSITIVITIES.map((s) => h('option', { value: s, selected: s === r.sensitivity }, t(`sens.${s}`))));
  const minVolume = h('input', { type: 'number', name: 'minVolume', min: 0, value: r.minVolume });
  const cooldown = h('input', { type: 'number', name: 'cooldownMinutes', min: 0, value: r.cooldownMinutes });
  const targets = h('textarea', {
    name: 'targets', dir: 'ltr', placeholder: 'https://hooks.example.com/shenava\nhttps://hooks.slack.com/services/… slack',
    value: (r.targets || []).map((x) => x.url + (x.format === 'slack' ? ' slack' : '')).join('\n'),
  });
  const secret = h('input', { type: 'password', name: 'secret', autocomplete: 'new-password',
    placeholder: r.secretSet ? t('alerts.secretSet') : '' });
  const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: r.enabled !== false });
  const error = h('p.form-error');
  return h('form.edit.rule-form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {
        brand: brand.value, signal: signal.value, sensitivity: sensitivity.value,
        minVolume: Number(minVolume.value), cooldownMinutes: Number(cooldown.value), enabled: enabled.checked,
        targets: targets.value.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
          const [url, format] = line.split(/\s+/);
          return { url, format: format === 'slack' ? 'slack' : 'json' };
        }),
      };
      if (secret.value) {
        body.secret = secret.value;
      }
      try {
        if (rule) {
          await api(`/alert-rules/${encodeURIComponent(rule.id)}`, { method: 'PUT', body: { ...body, id: rule.id } });
        } else {
          await api('/alert-rules', { method: 'POST', body });
        }
        close();
        reload();
      } catch (e) {
        error.textContent = e.message;
      }
    },
  },
  field(t('pick.brand'), brand), field(t('alerts.signal'), signal), field(t('alerts.sensitivity'), sensitivity),
  field(t('alerts.minVolume'), minVolume), field(t('alerts.cooldown'), cooldown),
  field([t('alerts.targets'), h('small', {}, ' ', t('alerts.targetsHint'))], targets, true),
  field(t('alerts.secret'), secret),
  h('label.check', {}, enabled, t('alerts.enabled')),
  error,
  h('div.actions', {},
    h('button.primary', { type: 'submit' }, t('form.save')),
    h('button', { type: 'button', onclick: close }, t('form.cancel'))));
}

function drawEvents(box, events, ctx) {
  if (!events.length) {
    replace(box, message(t('alerts.noEvents')));
    return;
  }
  replace(box, events.map((e) => h('article.event', { dataset: { id: e.id } },
    h('header', {},
      h('strong', {}, t(`signal.${e.signal}`)),
      h('span', {}, ctx.brandName(e.brand)),
      h('span.meta', {}, t('alerts.window'), ': ', dateTime(e.windowStart), ' – ', dateTime(e.windowEnd))),
    h('div.figures', {},
      h('span', {}, t('alerts.observed'), ': ', h('b.observed', {}, num(e.observed, 1))),
      h('span', {}, t('alerts.expected'), ': ', h('b.expected', {}, num(e.expected, 1))),
      h('span', {}, t('alerts.score'), ': ', h('b', {}, num(e.score, 2)))),
    e.reason ? h('p.reason', { dir: 'auto' }, e.reason) : null,
    e.terms?.length ? h('div.chips', {}, t('alerts.terms'), ': ',
      e.terms.map((term) => h('a.chip.tag', { href: `#/explore?q=${encodeURIComponent(term)}&brand=${encodeURIComponent(e.brand)}`, dir: 'auto' }, term)))
      : null,
    e.examples?.length ? h('ul.examples-list', {}, e.examples.map((x) => h('li', {},
      x.url ? h('a', { href: x.url, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' }, x.text) : h('span', { dir: 'auto' }, x.text),
      x.engagement ? h('small', {}, ' · ', t('explore.engagementN', { n: x.engagement })) : null)))
      : null,
    e.deliveries?.length ? h('div.meta', {}, t('alerts.deliveries'), ': ',
      e.deliveries.map((d) => h(`span.state.${d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'error' : 'pending'}`, {
        title: d.lastError || '', dir: 'auto',
      }, `${hostOf(d.target)} ${t(`delivery.${d.status}`)} (${num(d.attempts)})`)))
      : null)));
}
