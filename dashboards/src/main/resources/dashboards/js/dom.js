// Small DOM helpers: elements are built with textContent, so text from the API is never parsed as HTML.

/**
 * Creates an element: h('a.link', {href: url}, 'text', child).
 * Attributes starting with "on" become listeners; strings become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const parts = tag.match(/^[\w-]*|[.#][\w-]+/g);
  const el = document.createElement(parts[0] || 'div');
  const classes = parts.slice(1).filter((p) => p[0] === '.').map((p) => p.slice(1));
  const id = parts.slice(1).find((p) => p[0] === '#');
  if (classes.length) {
    el.className = classes.join(' ');
  }
  if (id) {
    el.id = id.slice(1);
  }
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className += (el.className ? ' ' : '') + value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' || (key in el && typeof value !== 'string')) {
      // Properties, not attributes: a textarea's value attribute would be ignored.
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Turns a highlight fragment from the server into nodes, keeping only <mark> elements:
 * the text is parsed inertly and every other tag becomes its text.
 */
export function highlighted(fragment) {
  const out = document.createDocumentFragment();
  const parts = String(fragment).split(/(<mark>|<\/mark>)/);
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') {
      mark = document.createElement('mark');
    } else if (part === '</mark>') {
      if (mark) {
        out.append(mark);
      }
      mark = null;
    } else if (part) {
      const text = document.createTextNode(decodeEntities(part));
      (mark || out).append(text);
    }
  }
  if (mark) {
    out.append(mark);
  }
  return out;
}

const entityDecoder = document.createElement('textarea');

function decodeEntities(text) {
  if (!text.includes('&')) {
    return text;
  }
  // A textarea's innerHTML is RCDATA: entities are decoded, tags are not created or run.
  entityDecoder.innerHTML = text;
  return entityDecoder.value;
}

/** Copies each column heading onto its cells, so that a phone can show a table row as a labelled card. */
export function labelled(table) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      if (headings[i]) {
        cell.dataset.label = headings[i];
      }
    });
  }
  return table;
}

/** A simple card with a title, used by every page. */
export function card(title, body, extraClass = '') {
  return h(`section.card${extraClass ? '.' + extraClass : ''}`, {},
    title ? h('h2', {}, title) : null, body);
}

export function message(text, kind = 'empty') {
  return h(`p.${kind}`, {}, text);
}

/** Shows a short note at the bottom of the page for a few seconds. */
export function toast(text) {
  const el = h('div.toast', { role: 'status' }, text);
  document.body.append(el);
  setTimeout(() => el.remove(), 3000);
}

export function toastError(error) {
  toast(error.message);
}
