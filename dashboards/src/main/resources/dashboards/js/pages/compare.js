// Compare: share of voice and net sentiment of a brand against its competitors over time.
import { api } from '../api.js';
import { chart, netColor, rtl } from '../charts.js';
import { h, labelled, replace, card, message } from '../dom.js';
import { t, num, pct, signed, axisDate } from '../i18n.js';

export async function render(root, ctx, current) {
  await ctx.brandsLoaded;
  const brand = ctx.params.get('brand') || ctx.brand || ctx.brands.find((b) => b.competitors?.length)?.id;
  if (!brand) {
    replace(root, card(null, message(t('tile.noBrand'))));
    return;
  }
  const sov = await api('/stats/share-of-voice', { params: { brand, from: ctx.from, to: ctx.to, interval: ctx.interval } });
  if (!current()) {
    return;
  }
  const ids = sov.brands.map((b) => b.brand);
  const name = (id) => sov.brands.find((b) => b.brand === id)?.name || ctx.brandName(id);
  const shareChart = h('div.chart.tall#chart-sov');
  const netChart = h('div.chart.tall#chart-net');
  const barChart = h('div.chart#chart-sov-total');
  replace(root,
    h('h1.page-title', {}, t('compare.brand', { brand: name(brand) })),
    ids.length < 2 ? h('p.empty', {}, t('compare.noCompetitors')) : null,
    h('div.grid', {},
      card(t('tile.sov'), barChart, 'span-5'),
      card(null, summaryTable(sov.brands, brand), 'span-7'),
      card(t('chart.sov'), shareChart, 'span-6'),
      card(t('chart.netOverTime'), netChart, 'span-6')));

  chart(barChart, {
    tooltip: { trigger: 'item', formatter: (p) => `${escape(p.name)}: ${num(p.value)} (${pct(sov.brands[p.dataIndex].share)})` },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      id: 'share', type: 'pie', radius: ['40%', '70%'], center: ['50%', '45%'],
      label: { formatter: (p) => `${p.name}\n${pct(sov.brands[p.dataIndex].share)}`, lineHeight: 16 },
      data: sov.brands.map((b) => ({ name: name(b.brand), value: b.mentions, brand: b.brand })),
    }],
  });
  const times = sov.buckets.map((b) => b.time);
  const axis = () => ({
    type: 'category', inverse: rtl(), data: times, boundaryGap: false,
    axisLabel: { formatter: (v) => axisDate(v, ctx.interval), hideOverlap: true },
  });
  chart(shareChart, {
    tooltip: { trigger: 'axis', valueFormatter: (v) => pct(v) },
    legend: { top: 0, type: 'scroll' },
    grid: { top: 36, bottom: 24, left: 8, right: 8, containLabel: true },
    xAxis: axis(),
    yAxis: { type: 'value', max: 1, position: rtl() ? 'right' : 'left', axisLabel: { formatter: (v) => pct(v, 0) } },
    series: ids.map((id) => ({
      id, name: name(id), type: 'line', stack: 'share', areaStyle: { opacity: 0.6 }, symbol: 'none',
      lineStyle: { width: id === brand ? 2 : 1 },
      data: sov.buckets.map((b) => {
        const total = ids.reduce((sum, x) => sum + (b.mentions[x] || 0), 0);
        return total ? (b.mentions[id] || 0) / total : null;
      }),
    })),
  });
  chart(netChart, {
    tooltip: { trigger: 'axis', valueFormatter: (v) => signed(v) },
    legend: { top: 0, type: 'scroll' },
    grid: { top: 36, bottom: 24, left: 8, right: 8, containLabel: true },
    xAxis: axis(),
    yAxis: { type: 'value', min: -100, max: 100, position: rtl() ? 'right' : 'left', axisLabel: { formatter: (v) => signed(v) } },
    series: ids.map((id) => ({
      id, name: name(id), type: 'line', smooth: 0.3, connectNulls: true, showSymbol: false,
      lineStyle: { width: id === brand ? 3 : 1.5 },
      data: sov.buckets.map((b) => (b.mentions[id] ? Math.round(b.netSentiment[id] ?? 0) : null)),
    })),
  });
}

function summaryTable(brands, own) {
  return h('div.table-wrap', {}, labelled(h('table#compare-table', {},
    h('thead', {}, h('tr', {},
      h('th', {}, t('pick.brand')), h('th.num', {}, t('compare.mentions')),
      h('th.num', {}, t('compare.share')), h('th.num', {}, t('tile.net')))),
    h('tbody', {}, brands.map((b) => h('tr', { dataset: { brand: b.brand }, class: b.brand === own ? 'own' : undefined },
      h('td', {}, h(b.brand === own ? 'strong' : 'bdi', { dir: 'auto' }, b.name || b.brand)),
      h('td.num', { dataset: { value: b.mentions } }, num(b.mentions)),
      h('td.num', { dataset: { value: b.share } }, pct(b.share)),
      h('td.num', { dataset: { value: b.netSentiment }, style: `color: ${netColor(b.netSentiment)}` }, signed(b.netSentiment))))))));
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
