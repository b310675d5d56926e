// An article with its attributions highlighted, built from the extract JSON contract
// (docs/output-format.md), with the statement details, speakers and audit panels. Used by
// /extract and /documents/{id}. Offsets are code points; JavaScript strings are UTF-16, so
// the text is split into code points first.
'use strict';

QG.SPEAKER_COLOURS = 12;

QG.ArticleView = class {
  // Builds the article and its side panels inside `container`.
  constructor(container) {
    this.parts = {
      article: QG.el('article', {id: 'article-view', class: 'article', 'aria-label': 'The article with its statements highlighted'}),
      details: QG.el('section', {id: 'details'}),
      entities: QG.el('ul', {id: 'entities'}),
      findings: QG.el('ul', {id: 'findings'}),
    };
    QG.fill(container, this.parts.article, QG.el('aside', {class: 'panel'}, this.parts.details,
      QG.el('section', {}, QG.el('h2', {text: 'Speakers and organisations'}), this.parts.entities),
      QG.el('section', {}, QG.el('h2', {text: 'Audit'}), this.parts.findings)));
    this.selected = [];
  }

  show(extract) {
    this.extract = extract;
    this.entities = new Map(extract.entities.map((entity) => [entity.id, entity]));
    this.attributions = new Map(extract.attributions.map((a) => [a.id, a]));
    // One colour per speaker, in order of first statement.
    this.colour = new Map();
    for (const a of extract.attributions) {
      if (a.speaker && !this.colour.has(a.speaker)) this.colour.set(a.speaker, this.colour.size % QG.SPEAKER_COLOURS);
    }
    this.renderText();
    this.renderEntities();
    QG.fill(this.parts.details, QG.el('h2', {text: 'Statement'}),
            QG.el('p', {class: 'muted', text: 'Select a highlighted statement (click, or Tab then Enter).'}));
  }

  colourClass(speaker) {
    return this.colour.has(speaker) ? `spk-${this.colour.get(speaker)}` : 'spk-none';
  }

  speakerName(id) {
    const entity = this.entities.get(id);
    return entity ? entity.name : 'unknown speaker';
  }

  renderText() {
    const chars = Array.from(this.extract.document.text);
    // Every span of every attribution; a character shows the innermost span covering it.
    const spans = [];
    for (const a of this.extract.attributions) {
      for (const role of ['content', 'source', 'cue']) {
        const span = a[role];
        if (span && span.end > span.start) spans.push({start: span.start, end: span.end, role, a});
      }
    }
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(Math.min(s.start, chars.length)); cuts.add(Math.min(s.end, chars.length)); }
    const bounds = [...cuts].sort((x, y) => x - y);
    // Spans sorted by start; `open` holds those covering the current piece.
    spans.sort((x, y) => x.start - y.start || y.end - x.end);
    const fragment = document.createDocumentFragment();
    const firstPiece = new Set();
    let next = 0;
    let open = [];
    for (let i = 0; i + 1 < bounds.length; ++i) {
      const from = bounds[i], to = bounds[i + 1];
      while (next < spans.length && spans[next].start <= from) open.push(spans[next++]);
      open = open.filter((s) => s.end > from);
      const text = chars.slice(from, to).join('');
      if (!open.length) { fragment.append(text); continue; }
      const inner = open.reduce((best, s) => (s.end - s.start < best.end - best.start ? s : best));
      const a = inner.a;
      const piece = QG.el('span', {
        class: `${inner.role} ${this.colourClass(a.speaker)}`,
        'data-attribution': a.id,
        'data-speaker': a.speaker || '',
        'data-speaker-name': a.speaker ? this.speakerName(a.speaker) : '',
      }, text);
      // The first piece of each statement's content is its keyboard stop.
      if (inner.role === 'content' && !firstPiece.has(a.id)) {
        firstPiece.add(a.id);
        piece.tabIndex = 0;
        piece.setAttribute('role', 'button');
        piece.setAttribute('aria-label', `Statement by ${a.speaker ? this.speakerName(a.speaker) : 'an unknown speaker'}`);
      }
      fragment.append(piece);
    }
    QG.fill(this.parts.article, fragment);
    if (!this.listening) {
      this.listening = true;
      const choose = (event) => {
        const piece = event.target.closest('[data-attribution]');
        if (piece) this.select(piece.getAttribute('data-attribution'));
      };
      this.parts.article.addEventListener('click', choose);
      this.parts.article.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); choose(event); }
      });
    }
  }

  select(id) {
    const a = this.attributions.get(id);
    if (!a) return;
    for (const node of this.selected) node.classList.remove('selected');
    this.selected = [...this.parts.article.querySelectorAll(`[data-attribution="${CSS.escape(id)}"]`)];
    for (const node of this.selected) node.classList.add('selected');
    const speaker = this.entities.get(a.speaker);
    const facts = QG.el('dl', {class: 'facts'});
    const fact = (name, ...value) => facts.append(QG.el('dt', {text: name}), QG.el('dd', {}, ...value));
    fact('Speaker', QG.el('span', {class: `swatch ${this.colourClass(a.speaker)}`, 'aria-hidden': 'true'}),
         speaker ? speaker.name : 'unknown');
    if (speaker && speaker.roles.length) fact('Roles', this.rolesText(speaker));
    fact('Kind', a.kind);
    fact('Confidence', QG.percent(a.confidence));
    if (a.cue) fact('Cue', a.cue.text);
    if (a.source) fact('Source', a.source.text);
    if (a.recipient) fact('Told', this.speakerName(a.recipient));
    if (a.continuation && a.continues) {
      const back = QG.el('button', {type: 'button', class: 'secondary'}, 'the statement it continues');
      back.addEventListener('click', () => this.select(a.continues));
      fact('Continues', back);
    }
    fact('Rule', a.rule || '');
    QG.fill(this.parts.details, QG.el('h2', {text: 'Statement'}),
            QG.el('blockquote', {text: a.content ? a.content.text : ''}), facts);
  }

  rolesText(entity) {
    return entity.roles.map((r) => {
      const organisation = r.organisation ? this.entities.get(r.organisation) : null;
      return `${r.former ? 'former ' : ''}${r.title}${organisation ? `, ${organisation.name}` : ''}`;
    }).join('; ');
  }

  renderEntities() {
    const counts = new Map();
    for (const a of this.extract.attributions) counts.set(a.speaker, (counts.get(a.speaker) || 0) + 1);
    const items = [...this.extract.entities]
      .sort((x, y) => (counts.get(y.id) || 0) - (counts.get(x.id) || 0))
      .map((entity) => QG.el('li', {'data-entity': entity.id},
        QG.el('span', {class: `swatch ${this.colourClass(entity.id)}`, 'aria-hidden': 'true'}),
        QG.el('strong', {text: entity.name}), ` (${entity.type}, ${counts.get(entity.id) || 0} statements)`,
        entity.roles.length ? QG.el('div', {class: 'muted', text: this.rolesText(entity)}) : null,
        entity.aliases.length ? QG.el('div', {class: 'muted', text: `also: ${entity.aliases.join(', ')}`}) : null));
    QG.fill(this.parts.entities, items.length ? items : QG.el('li', {text: 'none found'}));
  }

  showFindings(report) {
    const findings = [];
    for (const doc of report.documents || []) findings.push(...doc.findings);
    findings.push(...(report.cross_document || []));
    QG.fill(this.parts.findings, findings.length ? findings.map((f) => QG.el('li', {class: `finding ${f.severity}`},
      QG.el('strong', {text: `${f.severity} ${f.check}`}), ` at ${f.line}:${f.column}: `, f.message,
      f.text ? QG.el('div', {class: 'muted', text: f.text}) : null)) : QG.el('li', {text: 'nothing to flag'}));
  }
};
