// ECharts glue: one place for colours, fonts, direction, resizing and disposal.
import { settings } from './i18n.js';

export const COLORS = {
  positive: '#1f9d6b',
  negative: '#d9483b',
  neutral: '#a3acb9',
  accent: '#3b5bdb',
  series: ['#3b5bdb', '#e8590c', '#0ca678', '#ae3ec9', '#f59f00', '#1098ad', '#c2255c', '#5c940d'],
};

const FONT = 'system-ui, "Vazirmatn", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif';

const live = new Set();

/** Creates a chart in a container; it is resized with the window and disposed on the next page. */
export function chart(container, option) {
  if (!window.echarts) {
    container.replaceChildren(Object.assign(document.createElement('p'), {
      className: 'error', textContent: 'ECharts did not load (webjars/echarts/5.5.0/echarts.min.js).',
    }));
    return null;
  }
  const instance = window.echarts.init(container, null, { renderer: 'canvas' });
  instance.setOption({
    textStyle: { fontFamily: FONT },
    color: COLORS.series,
    animationDuration: 300,
    aria: { enabled: true },
    ...option,
  });
  live.add(instance);
  return instance;
}

export function disposeCharts() {
  for (const instance of live) {
    instance.dispose();
  }
  live.clear();
}

export const rtl = () => settings.lang === 'fa';

/** Colour for a net sentiment between -100 and 100, from red through grey to green. */
export function netColor(net) {
  const x = Math.max(-100, Math.min(100, net || 0)) / 100;
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const [from, to, f] = x < 0 ? [[0x9a, 0xa3, 0xaf], [0xd9, 0x48, 0x3b], -x] : [[0x9a, 0xa3, 0xaf], [0x1f, 0x9d, 0x6b], x];
  return `rgb(${mix(from[0], to[0], f)}, ${mix(from[1], to[1], f)}, ${mix(from[2], to[2], f)})`;
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => live.forEach((c) => c.resize()), 100);
});
