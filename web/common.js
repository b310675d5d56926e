// Helpers shared by every page. Data from the server is only ever put into the page with
// textContent or attribute setters, never as HTML, so a quote containing <script> stays text.
'use strict';

const QG = {
  // el('a', {href: '/x', class: 'y'}, 'text', childNode): an element with attributes and
  // children; strings become text nodes.
  el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  // Replaces the children of `node`.
  fill(node, ...children) {
    node.replaceChildren();
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  // Fetches JSON; a non-2xx answer throws an Error with the server's message.
  async json(url, options) {
    const response = await fetch(url, options);
    const body = await response.text();
    let data = null;
    try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && data.error ? data.error.message : `HTTP ${response.status}`;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return data;
  },

  // The part of the path after `prefix`, decoded ("/speakers/p%203" -> "p 3").
  pathId(prefix) {
    return decodeURIComponent(location.pathname.slice(prefix.length).replace(/\/$/, ''));
  },

  // A link to a tracker page: /speakers/ID etc., the id encoded.
  link(kind, id, text) {
    return QG.el('a', {href: `/${kind}/${encodeURIComponent(id)}`}, text);
  },

  setStatus(node, message, isError) {
    node.textContent = message || '';
    node.classList.toggle('error', Boolean(isError));
  },

  // Saves `blob` as a file through a temporary link (no inline script needed).
  save(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const link = QG.el('a', {href: url, download: fileName});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },

  percent(value) {
    return typeof value === 'number' ? `${Math.round(value * 100)}%` : '';
  },
};
