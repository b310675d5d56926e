// /documents/{id}: a stored article with its statements highlighted, and its revisions.
'use strict';

(async () => {
  const id = QG.pathId('/documents/');
  const status = document.getElementById('status');
  let page;
  try {
    page = await QG.json(`/api/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById('title').textContent = 'Not found';
    QG.setStatus(status, error.message, true);
    return;
  }
  const revisions = page.document.revisions;
  const current = revisions[revisions.length - 1];
  document.getElementById('title').textContent = current.title || page.document.id;
  document.title = `${current.title || page.document.id} — quotegraph`;
  const meta = document.getElementById('meta');
  QG.fill(meta, [current.outlet, current.date].filter(Boolean).join(', '));
  if (current.url && /^https?:\/\//.test(current.url)) meta.append(' ', QG.el('a', {href: current.url, rel: 'noreferrer noopener'}, 'original'));

  if (page.extract) {
    const view = new QG.ArticleView(document.getElementById('article-layout'));
    view.show(page.extract);
    try {
      const report = await QG.json('/api/audit', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({id: page.extract.document.id, text: page.extract.document.text})});
      view.showFindings(report);
    } catch (error) {
      QG.setStatus(status, `The audit failed: ${error.message}`, true);
    }
  }

  const change = (c) => {
    if (c.type === 'reworded') return QG.el('li', {}, QG.el('strong', {text: 'reworded: '}), c.diff);
    const s = c.after || c.before;
    return QG.el('li', {}, QG.el('strong', {text: `${c.type}: `}), `${s.speaker || 'unattributed'} — ${s.content.text}`);
  };
  QG.fill(document.getElementById('revisions'), revisions.map((r) => QG.el('li', {},
    `Revision ${r.revision}, stored ${r.ingested_at}, ${r.statements} statements`,
    r.changes.length ? QG.el('ul', {}, r.changes.map(change)) : null)));
})();
