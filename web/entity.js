// /speakers/{id} and /organisations/{id}: names, roles, every statement, a timeline and
// the ego graph.
'use strict';

(async () => {
  const organisationPage = location.pathname.startsWith('/organisations/');
  const id = QG.pathId(organisationPage ? '/organisations/' : '/speakers/');
  const status = document.getElementById('status');
  let page;
  try {
    page = await QG.json(`/api/${organisationPage ? 'organisations' : 'speakers'}/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById('name').textContent = 'Not found';
    QG.setStatus(status, error.message, true);
    return;
  }
  const entity = page.entity;
  document.title = `${entity.name} — quotegraph`;
  document.getElementById('name').textContent = entity.name;

  const facts = document.getElementById('facts');
  const fact = (name, ...value) => facts.append(QG.el('dt', {text: name}), QG.el('dd', {}, ...value));
  fact('Kind', entity.kind);
  if (entity.aliases.length) fact('Also called', entity.aliases.join(', '));
  for (const role of entity.roles) {
    fact(role.former ? 'Former role' : 'Role', role.title || 'member',
      role.organisation ? ', ' : '', role.organisation_id ? QG.link('organisations', role.organisation_id, role.organisation) : (role.organisation || ''));
  }
  for (const member of entity.members || []) {
    fact('Member', QG.link('speakers', member.person_id, member.person), member.title ? `, ${member.title}` : '');
  }
  fact('Statements', String(page.total));
  if (entity.first_seen) fact('Quoted', `${entity.first_seen} to ${entity.last_seen}`);
  if (entity.outlets.length) fact('Outlets', entity.outlets.join(', '));

  const timeline = document.getElementById('timeline');
  const most = Math.max(1, ...page.timeline.map((p) => p.statements));
  QG.fill(timeline, page.timeline.map((p) => {
    const bar = QG.el('div', {class: 'bar', title: `${p.period}: ${p.statements} statements`});
    bar.style.height = `${Math.max(4, Math.round((p.statements / most) * 100))}%`;
    return bar;
  }));
  timeline.setAttribute('aria-label', page.timeline.map((p) => `${p.period}: ${p.statements}`).join('; ') || 'no statements');
  if (page.timeline.length) {
    document.getElementById('timeline-range').textContent = `${page.timeline[0].period} to ${page.timeline[page.timeline.length - 1].period}, by month`;
  }

  document.getElementById('statements-heading').textContent = `Statements (${page.total})`;
  QG.fill(document.getElementById('statements'), page.statements.map((s) => QG.el('tr', {class: 'statement'},
    QG.el('td', {}, s.content.text, s.claim_id ? QG.el('div', {}, QG.link('claims', s.claim_id, 'every report of this claim')) : null),
    QG.el('td', {text: s.kind}),
    QG.el('td', {}, QG.link('documents', s.document, s.title || s.document), s.outlet ? QG.el('div', {class: 'muted', text: s.outlet}) : null),
    QG.el('td', {text: s.date || s.day}))));

  try {
    const graph = await QG.json(`/api/graph?speaker=${encodeURIComponent(entity.name)}&max-nodes=80`);
    QG.drawGraph(document.getElementById('graph-canvas'), document.getElementById('graph-nodes'), graph);
  } catch (error) {
    QG.setStatus(status, `The graph could not be drawn: ${error.message}`, true);
  }
})();
