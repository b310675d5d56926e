// /claims/{id}: every document that carried the claim in date order, word diffs of the
// variants against the first wording, and conflicting attributions.
'use strict';

// Word diff by longest common subsequence: <del> for words only in `a`, <ins> for words only in `b`.
QG.wordDiff = (a, b) => {
  const x = a.split(/\s+/).filter(Boolean), y = b.split(/\s+/).filter(Boolean);
  const n = x.length, m = y.length;
  const lcs = Array.from({length: n + 1}, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; --i) for (let j = m - 1; j >= 0; --j) {
    lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { out.push(`${x[i]} `); ++i; ++j; }
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { out.push(QG.el('ins', {text: y[j]}), ' '); ++j; }
    else { out.push(QG.el('del', {text: x[i]}), ' '); ++i; }
  }
  return out;
};

(async () => {
  const id = QG.pathId('/claims/');
  const status = document.getElementById('status');
  let claim;
  try {
    claim = await QG.json(`/api/claims/${encodeURIComponent(id)}`);
  } catch (error) {
    QG.setStatus(status, error.message, true);
    return;
  }
  document.getElementById('content').textContent = claim.content;
  const speaker = (s) => (s.speaker_id ? QG.link(s.speaker_kind === 'organisation' ? 'organisations' : 'speakers', s.speaker_id, s.speaker) : 'unattributed');
  QG.fill(document.getElementById('reports'), claim.reports.map((r) => QG.el('tr', {},
    QG.el('td', {}, r.date || r.day, r.first ? QG.el('div', {class: 'muted', text: 'first'}) : null),
    QG.el('td', {}, r.outlet ? `${r.outlet}: ` : '', QG.link('documents', r.document, r.title || r.document)),
    QG.el('td', {}, speaker(r)),
    QG.el('td', {}, r.content.text === claim.content ? r.content.text : QG.wordDiff(claim.content, r.content.text)))));
  QG.fill(document.getElementById('conflicts'), claim.conflicts.length
    ? claim.conflicts.map((s) => QG.el('li', {}, speaker(s), ' in ', QG.link('documents', s.document, s.title || s.document)))
    : QG.el('li', {text: 'none: every report gives it to the same speaker'}));
})();
