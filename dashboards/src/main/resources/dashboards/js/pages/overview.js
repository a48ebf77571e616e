// Overview: what a brand manager reads at a glance.
import { api } from '../api.js';
import { chart, COLORS, netColor, rtl } from '../charts.js';
import { h, replace, card, message } from '../dom.js';
import { t, num, compact, pct, signed, axisDate, languageName, touchpointName } from '../i18n.js';
import { mentionList } from '../mentions.js';

const SENTIMENTS = ['positive', 'neutral', 'negative'];
const BUCKET_MS = { hour: 3600000, day: 86400000, week: 604800000 };

/** Fetches everything the page shows in parallel; a part that fails shows its own error. */
function load(ctx) {
  const filters = { brand: ctx.brand, from: ctx.from, to: ctx.to };
  const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));
  return Promise.all([
    settle(api('/stats/timeseries', { params: { ...filters, interval: ctx.interval } })),
    settle(api('/stats/timeseries', { params: { brand: ctx.brand, from: ctx.prevFrom, to: ctx.from, interval: 'week' } })),
    ctx.brand ? settle(api('/stats/share-of-voice', { params: { ...filters, interval: ctx.interval } })) : { value: null },
    settle(api('/stats/touchpoints', { params: filters })),
    settle(api('/stats/trending', { params: { ...filters, size: 20 } })),
    settle(api('/stats/sources', { params: filters })),
    settle(api('/mentions', { params: { ...filters, sentiment: 'negative', sort: 'newest', size: 5 } })),
    settle(api('/alerts', { params: { ...filters, size: 100 } })),
  ]);
}

export async function render(root, ctx, current) {
  const [series, previous, sov, touchpoints, trending, sources, negatives, alerts] = await load(ctx);
  if (!current()) {
    return;
  }
  if (series.error) {
    throw series.error;
  }
  const overTime = h('div.chart.tall#chart-over-time');
  const touchpointChart = h('div.chart.tall#chart-touchpoints');
  const languages = h('div.chart.short#chart-languages');
  replace(root,
    tiles(series.value.totals, previous.value?.totals, sov.value, ctx),
    h('div.grid', {},
      card(t('chart.overTime'), overTime, 'span-8'),
      card(h('span', {}, t('chart.touchpoints'), ' ', h('small', {}, t('chart.touchpointsHint'))),
        part(touchpoints, (v) => v.touchpoints.length ? touchpointChart : message(t('empty'))), 'span-4'),
      card(t('chart.trending'), part(trending, (v) => trendingTerms(v.terms, ctx)), 'span-4'),
      card(t('chart.sources'), part(sources, (v) => ranked(v.sources.map((s) => [s.source, s.mentions, s.kind]), 'sources', ctx.brand)), 'span-4'),
      card(t('chart.languages'), part(sources, (v) => v.languages.length ? languages : message(t('empty'))), 'span-4'),
      card(h('span', {}, t('chart.latestNegative'), ' ',
        h('a', { href: `#/explore?sentiment=negative${ctx.brand ? '&brand=' + encodeURIComponent(ctx.brand) : ''}` }, '→')),
      part(negatives, (v) => mentionList(v.items)), 'span-12.latest-negative')));
  const explore = (params) => ctx.go('explore', { brand: ctx.brand, ...params });
  overTimeChart(overTime, series.value, alerts.value?.items || [], ctx)
    ?.on('click', (p) => {
      if (p.componentType === 'markPoint' || p.componentType === 'markArea') {
        ctx.go('alerts');
      } else if (p.componentType === 'series' && p.seriesId !== 'net') {
        const from = new Date(p.value[0]);
        const to = new Date(from.getTime() + BUCKET_MS[ctx.interval]);
        explore({ sentiment: p.seriesId, from: from.toISOString(), to: to.toISOString() });
      }
    });
  if (touchpoints.value?.touchpoints.length) {
    touchpointMap(touchpointChart, touchpoints.value.touchpoints)?.on('click', (p) => explore({ touchpoint: p.data.touchpoint }));
  }
  if (sources.value?.languages.length) {
    languageChart(languages, sources.value.languages)?.on('click', (p) => explore({ lang: p.data.lang }));
  }
}

function part(result, draw) {
  if (result.error) {
    return message(t('error.load', { msg: result.error.message }), 'error');
  }
  return draw(result.value);
}

function tile(id, label, value, display, sub, extraClass = '') {
  return h(`div.tile#${id}`, { dataset: { value: value ?? '' } },
    h('div.label', {}, label),
    h(`div.value${extraClass ? '.' + extraClass : ''}`, {}, display),
    h('div.sub', {}, sub));
}

function delta(change, display, goodWhenUp = true) {
  if (change === null || change === undefined || !Number.isFinite(change)) {
    return h('span.delta', {}, '–');
  }
  if (Math.abs(change) < 1e-9) {
    return h('span.delta', {}, '±' + display);
  }
  const good = goodWhenUp ? change > 0 : change < 0;
  return h(`span.delta.${good ? 'up' : 'down'}`, { dataset: { change } }, (change > 0 ? '▲ ' : '▼ ') + display);
}

function tiles(totals, prev, sov, ctx) {
  const negShare = totals.total ? totals.negative / totals.total : 0;
  const prevNegShare = prev?.total ? prev.negative / prev.total : null;
  const mentionChange = prev?.total ? (totals.total - prev.total) / prev.total : null;
  const netChange = prev?.total ? Math.round(totals.netSentiment - prev.netSentiment) : null;
  const own = sov?.brands?.find((b) => b.brand === ctx.brand);
  return h('div.tiles', {},
    tile('tile-mentions', t('tile.mentions'), totals.total, num(totals.total),
      [delta(mentionChange, pct(Math.abs(mentionChange ?? 0))), ' ', t('tile.vsPrev')]),
    tile('tile-net', t('tile.net'), totals.netSentiment, signed(totals.netSentiment),
      [delta(netChange, num(Math.abs(netChange ?? 0))), ' ', t('tile.vsPrev')],
      totals.netSentiment > 0 ? 'pos' : totals.netSentiment < 0 ? 'neg' : ''),
    tile('tile-sov', t('tile.sov'), own ? own.share : '', own ? pct(own.share) : '–',
      own ? t('tile.ofCompetitors', { n: sov.brands.length }) : t('tile.noBrand')),
    tile('tile-negative', t('tile.negShare'), negShare, pct(negShare),
      [t('tile.negCount', { n: totals.negative }), ' · ',
        delta(prevNegShare === null ? null : negShare - prevNegShare, pct(Math.abs(negShare - (prevNegShare ?? 0))), false)]));
}

function overTimeChart(el, series, alerts, ctx) {
  const buckets = series.buckets;
  const areas = alerts.filter((a) => a.windowStart && a.windowEnd).map((a) => [
    { name: t(`signal.${a.signal}`), xAxis: a.windowStart, itemStyle: { color: 'rgba(217, 72, 59, 0.12)' } },
    { xAxis: a.windowEnd },
  ]);
  const points = alerts.filter((a) => a.windowEnd).map((a) => ({
    name: t('chart.alert'),
    coord: [a.windowEnd, nearestTotal(buckets, a.windowEnd)],
    value: '!',
    itemStyle: { color: COLORS.negative },
    alertId: a.id,
  }));
  return chart(el, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => num(v) },
    legend: { top: 0, data: [...SENTIMENTS.map((s) => t(`sent.${s}`)), t('tile.net')] },
    grid: { top: 40, bottom: 28, left: 48, right: 48, containLabel: false },
    xAxis: {
      type: 'time', inverse: rtl(),
      axisLabel: { formatter: (value) => axisDate(new Date(value).toISOString(), ctx.interval), hideOverlap: true },
    },
    yAxis: [
      { type: 'value', position: rtl() ? 'right' : 'left', minInterval: 1, axisLabel: { formatter: (v) => compact(v) } },
      { type: 'value', min: -100, max: 100, position: rtl() ? 'left' : 'right', splitLine: { show: false },
        axisLabel: { color: '#8a94a3', formatter: (v) => signed(v) } },
    ],
    series: [
      ...SENTIMENTS.map((s, i) => ({
        id: s,
        name: t(`sent.${s}`),
        type: 'bar',
        stack: 'mentions',
        barMaxWidth: 28,
        itemStyle: { color: COLORS[s] },
        data: buckets.map((b) => [b.time, b[s]]),
        ...(i === SENTIMENTS.length - 1 ? {
          markArea: { silent: false, label: { color: COLORS.negative, fontSize: 11 }, data: areas },
          markPoint: { symbol: 'pin', symbolSize: 34, label: { color: '#fff' }, data: points },
        } : {}),
      })),
      {
        id: 'net', name: t('tile.net'), type: 'line', yAxisIndex: 1, smooth: 0.3, symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: COLORS.accent }, itemStyle: { color: COLORS.accent },
        data: buckets.map((b) => [b.time, b.total ? Math.round(b.netSentiment) : null]),
      },
    ],
  });
}

function nearestTotal(buckets, iso) {
  const at = new Date(iso).getTime();
  let best = null;
  for (const b of buckets) {
    if (new Date(b.time).getTime() <= at) {
      best = b;
    }
  }
  return best ? best.total : 0;
}

function touchpointMap(el, rows) {
  const sorted = [...rows].sort((a, b) => a.mentions - b.mentions);
  return chart(el, {
    tooltip: {
      formatter: (p) => {
        const r = sorted[p.dataIndex];
        return `<b>${escape(touchpointName(r.touchpoint))}</b><br>${t('tile.mentions')}: ${num(r.mentions)}<br>`
          + `${t('tile.net')}: ${signed(r.netSentiment)}<br>`
          + `${t('sent.positive')} ${num(r.positive)} · ${t('sent.neutral')} ${num(r.neutral)} · ${t('sent.negative')} ${num(r.negative)}`;
      },
    },
    grid: { top: 8, bottom: 8, left: rtl() ? 70 : 16, right: rtl() ? 16 : 70, containLabel: true },
    xAxis: { type: 'value', inverse: rtl(), minInterval: 1, axisLabel: { formatter: (v) => num(v) } },
    yAxis: { type: 'category', position: rtl() ? 'right' : 'left', data: sorted.map((r) => touchpointName(r.touchpoint)) },
    series: [{
      id: 'touchpoints',
      type: 'bar',
      barMaxWidth: 26,
      data: sorted.map((r) => ({ value: r.mentions, itemStyle: { color: netColor(r.netSentiment) }, touchpoint: r.touchpoint })),
      label: {
        show: true,
        position: rtl() ? 'left' : 'right',
        formatter: (p) => `${t('net')} ${signed(sorted[p.dataIndex].netSentiment)}`,
        fontSize: 11,
        color: '#5f6b7c',
      },
    }],
  });
}

function languageChart(el, languages) {
  return chart(el, {
    tooltip: { trigger: 'item', formatter: (p) => `${escape(p.name)}: ${num(p.value)} (${num(p.percent, 1)}%)` },
    legend: { orient: 'vertical', [rtl() ? 'left' : 'right']: 0, top: 'middle', type: 'scroll' },
    series: [{
      id: 'languages',
      type: 'pie',
      radius: ['45%', '75%'],
      center: [rtl() ? '62%' : '38%', '50%'],
      label: { show: false },
      data: languages.map((l) => ({ name: languageName(l.lang), value: l.mentions, lang: l.lang })),
    }],
  });
}

function trendingTerms(terms, ctx) {
  if (!terms.length) {
    return message(t('empty'));
  }
  return h('ul.terms#trending', {}, terms.map((term) => h(`li${term.previousCount ? '' : '.new'}`, {
    title: `${t('chart.count')}: ${num(term.count)} · ${t('chart.previous')}: ${num(term.previousCount)}`,
    dataset: { count: term.count },
  },
  h('a', { href: `#/explore?q=${encodeURIComponent(quote(term.term))}${ctx.brand ? '&brand=' + encodeURIComponent(ctx.brand) : ''}`, dir: 'auto' }, term.term),
  h('span.n', {}, num(term.count)))));
}

function quote(term) {
  return /\s/.test(term) ? `"${term.replace(/"/g, '')}"` : term;
}

function ranked(rows, id, brand) {
  if (!rows.length) {
    return message(t('empty'));
  }
  const max = Math.max(...rows.map((r) => r[1]), 1);
  return h(`ol.rank#${id}`, {}, rows.map(([name, count, kind]) => h('li', { dataset: { name, count } },
    h('a', { dir: 'auto', href: `#/explore?${new URLSearchParams({ ...(brand ? { brand } : {}), source: name })}` },
      name, kind && kind !== name ? h('small', {}, ' · ', kind) : null),
    h('span', {}, num(count)),
    h('span.barline', {}, h('span', { style: `inline-size: ${(100 * count / max).toFixed(1)}%` })))));
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

