// /graph: the tracker's graph with the views of `quotegraph graph`, interactive, with downloads.
'use strict';

(() => {
  const form = document.getElementById('graph-form');
  const status = document.getElementById('status');
  const fields = ['speaker', 'min-claims', 'max-nodes', 'since', 'until'];
  const fromUrl = new URLSearchParams(location.search);
  for (const name of [...fields, 'no-claims']) {
    if (!fromUrl.has(name)) continue;
    const input = document.getElementById(name);
    if (input.type === 'checkbox') input.checked = fromUrl.get(name) === 'true';
    else input.value = fromUrl.get(name);
  }

  const query = () => {
    const params = new URLSearchParams();
    for (const name of fields) {
      const value = document.getElementById(name).value.trim();
      if (value && !(name === 'min-claims' && value === '0')) params.set(name, value);
    }
    if (document.getElementById('no-claims').checked) params.set('no-claims', 'true');
    return params;
  };

  async function show() {
    const params = query();
    for (const format of ['dot', 'svg', 'graphml', 'json']) {
      const withFormat = new URLSearchParams(params);
      withFormat.set('format', format);
      document.getElementById(`download-${format}`).href = `/api/graph?${withFormat}`;
    }
    QG.setStatus(status, 'Drawing…');
    try {
      const graph = await QG.json(`/api/graph?${params}`);
      QG.drawGraph(document.getElementById('graph-canvas'), document.getElementById('graph-nodes'), graph);
      QG.setStatus(status, `${graph.nodes.length} nodes, ${graph.links.length} edges.`);
      history.replaceState(null, '', `/graph?${params}`);
    } catch (error) {
      QG.setStatus(status, error.message, true);
    }
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); show(); });
  show();
})();
