// /: the tracker's counts, latest articles and most-quoted speakers, and search.
'use strict';

(() => {
  const status = document.getElementById('status');

  const entityLink = (id, kind, name) => QG.link(kind === 'organisation' ? 'organisations' : 'speakers', id, name);

  function statementRow(s) {
    return QG.el('tr', {},
      QG.el('td', {}, s.speaker_id ? entityLink(s.speaker_id, s.speaker_kind, s.speaker) : 'unattributed'),
      QG.el('td', {text: s.content.text}),
      QG.el('td', {}, QG.link('documents', s.document, s.title || s.document),
        QG.el('div', {class: 'muted', text: [s.outlet, s.date || s.day].filter(Boolean).join(', ')})));
  }

  async function search(query) {
    const box = document.getElementById('search-results');
    QG.setStatus(status, 'Searching…');
    try {
      const [statements, speakers] = await Promise.all([
        QG.json(`/api/attributions?q=${encodeURIComponent(query)}&limit=50`),
        QG.json(`/api/speakers?name=${encodeURIComponent(query)}`),
      ]);
      box.hidden = false;
      QG.fill(box,
        QG.el('h2', {text: `Speakers and organisations (${speakers.items.length})`}),
        QG.el('ul', {}, speakers.items.map((e) => QG.el('li', {},
          entityLink(e.id, e.kind, e.name), ` — ${e.statements} statements`))),
        QG.el('h2', {text: `Statements (${statements.total})`}),
        QG.el('div', {class: 'table-wrap'}, QG.el('table', {class: 'list'},
          QG.el('thead', {}, QG.el('tr', {}, QG.el('th', {text: 'Speaker'}), QG.el('th', {text: 'Statement'}), QG.el('th', {text: 'Article'}))),
          QG.el('tbody', {}, statements.items.map(statementRow)))));
      QG.setStatus(status, '');
    } catch (error) {
      QG.setStatus(status, `Search failed: ${error.message}`, true);
    }
  }

  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = document.getElementById('search').value.trim();
    if (query) search(query);
  });

  QG.json('/api/tracker').then((tracker) => {
    const count = (n, label) => QG.el('li', {}, QG.el('strong', {text: String(n)}), label);
    QG.fill(document.getElementById('counts'),
      count(tracker.documents, 'articles'), count(tracker.attributions, 'statements'),
      count(tracker.speakers, 'speakers'), count(tracker.organisations, 'organisations'), count(tracker.claims, 'claims'));
    document.getElementById('empty').hidden = tracker.documents > 0;
    QG.fill(document.getElementById('latest'), tracker.latest_documents.map((d) => QG.el('li', {},
      QG.link('documents', d.id, d.title || d.id), QG.el('span', {class: 'muted', text: ` ${[d.outlet, d.date].filter(Boolean).join(', ')}`}))));
    QG.fill(document.getElementById('top-speakers'), tracker.top_speakers.map((e) => QG.el('li', {},
      entityLink(e.id, e.kind, e.name), ` — ${e.statements} statements`)));
  }).catch((error) => QG.setStatus(status, `The tracker could not be read: ${error.message}`, true));
})();
