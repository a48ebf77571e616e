// One mention as a card: author, source, time, text in its own direction, chips, and the analyst's correction.
import { api } from './api.js';
import { h, highlighted, replace } from './dom.js';
import { t, num, dateTime, languageName, touchpointName } from './i18n.js';

const LABELS = ['positive', 'neutral', 'negative'];

export function sentimentChip(label, score) {
  const title = score === undefined || score === null ? undefined : `${num(score, 2)}`;
  return h(`span.chip.${label}`, { title, dataset: { sentiment: label } }, t(`sent.${label}`));
}

function textOf(mention) {
  if (mention.highlight?.length) {
    const p = h('p.text', { dir: 'auto' });
    mention.highlight.forEach((fragment, i) => {
      if (i > 0) {
        p.append(' … ');
      }
      p.append(highlighted(fragment));
    });
    return p;
  }
  return h('p.text', { dir: 'auto' }, mention.text || '');
}

function meta(mention) {
  const author = mention.author || {};
  return h('div.meta', {},
    h('span.author', { dir: 'auto' }, author.name || author.handle || '–'),
    author.handle && author.name ? h('span', { dir: 'ltr' }, '@' + author.handle.replace(/^@/, '')) : null,
    author.followers ? h('span', {}, t('explore.followers', { n: author.followers })) : null,
    h('span.chip', {}, mention.source || mention.sourceKind || ''),
    mention.site ? h('span', { dir: 'ltr' }, mention.site) : null,
    h('time', { datetime: mention.publishedAt }, dateTime(mention.publishedAt)),
    mention.lang ? h('span', {}, languageName(mention.lang)) : null);
}

function chips(mention) {
  const sentiment = mention.sentiment || {};
  return h('div.chips', {},
    sentiment.label ? sentimentChip(sentiment.label, sentiment.score) : null,
    (mention.touchpoints || []).map((tp) => h(`span.chip.${tp.label}`, {
      title: `${t(`sent.${tp.label}`)} ${num(tp.score, 2)}`,
      dataset: { touchpoint: tp.touchpoint },
    }, touchpointName(tp.touchpoint))),
    (mention.tags || []).map((tag) => h('span.chip.tag', { dir: 'auto' }, '#' + tag)),
    mention.overridden ? h('span.chip.tag.overridden', {}, '✎ ' + t('explore.overridden')) : null);
}

/** Renders a mention; with editable, an analyst can correct its sentiment and tags in place. */
export function mentionItem(mention, { editable = false } = {}) {
  const li = h('li.mention', { dataset: { id: mention.id } });
  const draw = (m) => {
    li.classList.toggle('edited', Boolean(m.overridden));
    replace(li,
      meta(m),
      m.title ? h('p.title', { dir: 'auto' }, m.title) : null,
      textOf(m),
      h('div.row', {},
        chips(m),
        h('span.spacer'),
        m.engagement?.total ? h('span.meta', {}, t('explore.engagementN', { n: m.engagement.total })) : null,
        editable ? h('button.edit-mention', {
          type: 'button',
          onclick: () => li.querySelector('form.override') || li.append(editor(m, draw)),
        }, t('explore.edit')) : null,
        m.url ? h('a.open', { href: m.url, target: '_blank', rel: 'noopener noreferrer' }, t('explore.open')) : null));
  };
  draw(mention);
  return li;
}

function editor(mention, redraw) {
  const sentiment = h('select.override-sentiment', {},
    LABELS.map((label) => h('option', { value: label, selected: mention.sentiment?.label === label }, t(`sent.${label}`))));
  const tags = h('input.override-tags', {
    type: 'text', dir: 'auto', value: (mention.tags || []).join(', '), placeholder: t('explore.tagsHint'),
  });
  const status = h('p.form-error');
  const form = h('form.edit.override', {
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {
        sentiment: sentiment.value,
        tags: tags.value.split(/[,،]/).map((s) => s.trim()).filter(Boolean),
      };
      try {
        const updated = await api(`/mentions/${encodeURIComponent(mention.id)}`, { method: 'PATCH', body });
        redraw({ ...mention, ...updated, highlight: mention.highlight });
      } catch (error) {
        status.textContent = error.message;
      }
    },
  },
  h('label', {}, t('explore.sentiment'), sentiment),
  h('label', {}, t('explore.tags'), tags),
  status,
  h('div.actions', {},
    h('button.primary.save-override', { type: 'submit' }, t('explore.save')),
    h('button', { type: 'button', onclick: () => form.remove() }, t('explore.cancel'))));
  return form;
}

/** A list of mentions, or a note when there are none. */
export function mentionList(items, options) {
  if (!items.length) {
    return h('p.empty', {}, t('empty'));
  }
  return h('ul.mentions', {}, items.map((m) => mentionItem(m, options)));
}
