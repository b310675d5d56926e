// /audit: the tracker's cross-document findings: one quote given to different speakers
// (conflict) and one speaker's quote worded differently (variant).
'use strict';

(async () => {
  const status = document.getElementById('status');
  QG.setStatus(status, 'Auditing the tracker…');
  let report;
  try {
    report = await QG.json('/api/audit');
  } catch (error) {
    QG.setStatus(status, error.message, true);
    return;
  }
  QG.setStatus(status, '');
  const count = (n, label) => QG.el('li', {}, QG.el('strong', {text: String(n)}), label);
  QG.fill(document.getElementById('summary'), count(report.summary.documents, 'articles'),
    count(report.cross_document.filter((f) => f.check === 'conflict').length, 'conflicts'),
    count(report.cross_document.filter((f) => f.check === 'variant').length, 'variants'));
  QG.fill(document.getElementById('findings'), report.cross_document.length ? report.cross_document.map((f) => QG.el('li', {class: `finding ${f.severity}`},
    QG.el('strong', {text: `${f.check}: `}), f.message,
    QG.el('ul', {}, (f.occurrences || []).map((o) => QG.el('li', {}, QG.link('documents', o.document, o.document),
      o.speaker ? ` — ${o.speaker}: ` : ': ', o.text))))) : QG.el('li', {text: 'No conflicts or variants.'}));
})();
