// An interactive graph (Cytoscape.js, bundled) from the API's node-link JSON: drag, zoom,
// and a click on a node opens its page. The same nodes are listed as links below it, for
// the keyboard and screen readers.
'use strict';

QG.drawGraph = (container, list, graph) => {
  const label = (node) => {
    const name = node.name || node.text || node.title || node.id;  // claims carry their words as text
    return node.kind === 'claim' && name.length > 40 ? `${name.slice(0, 39)}…` : name;
  };
  const elements = [
    ...graph.nodes.map((node) => ({data: {id: node.id, label: label(node), kind: node.kind, href: node.href || ''}})),
    ...graph.links.map((link, i) => ({data: {id: `l${i}`, source: link.source, target: link.target, kind: link.kind}})),
  ];
  const cy = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    layout: {name: graph.nodes.length > 400 ? 'grid' : 'cose', animate: false, nodeDimensionsIncludeLabels: true},
    style: [
      {selector: 'node', style: {label: 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 140,
        'background-color': '#8a97a6', width: 14, height: 14, color: '#1d232b'}},
      {selector: 'node[kind = "person"]', style: {'background-color': '#1f5fa8', width: 24, height: 24, 'font-size': 12}},
      {selector: 'node[kind = "organisation"]', style: {'background-color': '#d9822b', shape: 'round-rectangle', width: 26, height: 20, 'font-size': 12}},
      {selector: 'node[kind = "group"]', style: {'background-color': '#7e57c2', shape: 'hexagon'}},
      {selector: 'node[kind = "document"]', style: {'background-color': '#4e9a4e', shape: 'tag'}},
      {selector: 'node[href != ""]', style: {'border-width': 1, 'border-color': '#1d232b'}},
      {selector: 'edge', style: {width: 1, 'line-color': '#b5bec8', 'target-arrow-shape': 'triangle',
        'target-arrow-color': '#b5bec8', 'curve-style': 'bezier'}},
      {selector: 'edge[kind = "affiliated_with"]', style: {'line-color': '#d9822b', 'target-arrow-color': '#d9822b', width: 2}},
    ],
  });
  QG.lastGraph = cy;  // for the browser tests, which click a node
  cy.on('tap', 'node', (event) => {
    const href = event.target.data('href');
    if (href) window.location.href = href;
  });
  if (list) {
    const entries = graph.nodes.filter((node) => node.href && node.kind !== 'claim')
      .map((node) => QG.el('li', {}, QG.el('a', {href: node.href}, label(node)), ` (${node.kind})`));
    QG.fill(list, entries.length ? entries : QG.el('li', {text: 'nothing to show'}));
  }
  return cy;
};
