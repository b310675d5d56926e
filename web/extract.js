// /extract: paste or open an article, see who said what in it, download the results.
'use strict';

(() => {
  const form = document.getElementById('article-form');
  const textarea = document.getElementById('article');
  const formatSelect = document.getElementById('format');
  const fileInput = document.getElementById('file');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  const ingestButton = document.getElementById('ingest');
  const view = new QG.ArticleView(document.getElementById('article-layout'));
  let current = null;  // {body, type} of the article shown

  const looksLikeHtml = (text) => /^\s*</.test(text) && /<\/?(html|body|p|div|article|h1|span|br)\b/i.test(text);

  const request = () => {
    const text = textarea.value;
    const format = formatSelect.value;
    const html = format === 'html' || (format === 'auto' && looksLikeHtml(text));
    return {body: text, type: html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8'};
  };

  const post = (url, article) => fetch(url, {method: 'POST', headers: {'Content-Type': article.type}, body: article.body});

  async function run() {
    const article = request();
    if (!article.body.trim()) { QG.setStatus(status, 'Paste an article or open a file first.', true); return; }
    QG.setStatus(status, 'Finding statements…');
    try {
      const [extract, report] = await Promise.all([
        QG.json('/api/extract', {method: 'POST', headers: {'Content-Type': article.type}, body: article.body}),
        QG.json('/api/audit', {method: 'POST', headers: {'Content-Type': article.type}, body: article.body}),
      ]);
      current = article;
      results.hidden = false;
      view.show(extract);
      view.showFindings(report);
      const speakers = new Set(extract.attributions.map((a) => a.speaker).filter(Boolean)).size;
      QG.setStatus(status, `${extract.attributions.length} statements by ${speakers} speakers.`);
    } catch (error) {
      QG.setStatus(status, `Could not read the article: ${error.message}`, true);
    }
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    if (!file) return;
    textarea.value = await file.text();
    if (/\.html?$/i.test(file.name)) formatSelect.value = 'html';
    else if (/\.txt$/i.test(file.name)) formatSelect.value = 'text';
    run();
  });

  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', async () => {
      if (!current) return;
      const format = button.getAttribute('data-download');
      const response = await post(`/api/export?format=${format}`, current);
      if (!response.ok) { QG.setStatus(status, `Download failed (HTTP ${response.status})`, true); return; }
      const extension = {json: 'json', brat: 'ann', dot: 'dot', svg: 'svg'}[format];
      QG.save(await response.blob(), `quotegraph.${extension}`);
    });
  }

  if (ingestButton) {
    ingestButton.addEventListener('click', async () => {
      if (!current) return;
      try {
        const stored = await QG.json('/api/ingest', {method: 'POST', headers: {'Content-Type': current.type}, body: current.body});
        QG.fill(status, 'Stored in the tracker: ', QG.link('documents', stored.id, stored.id));
      } catch (error) {
        QG.setStatus(status, `Not stored: ${error.message}`, true);
      }
    });
    QG.json('/api/tracker').then((tracker) => { ingestButton.hidden = !tracker.ingest; }).catch(() => {});
  }
})();
