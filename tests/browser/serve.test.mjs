// End-to-end tests of `quotegraph serve` in a real browser: Debian's chromium, headless,
// driven by playwright-core (no browser download), against a server this test starts on a
// free loopback port. Run by ctest (tests/CMakeLists.txt) or `node --test tests/browser/`.
// QG_BINARY names the quotegraph binary (default build/quotegraph); QG_SCREENSHOTS the
// folder screenshots go to (default build/screenshots; tools/screenshots sets docs/).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {readFileSync, mkdirSync, mkdtempSync, writeFileSync, rmSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.QG_BINARY || join(root, 'build/quotegraph');
const screenshots = process.env.QG_SCREENSHOTS || join(root, 'build/screenshots');
const seed = readFileSync(join(root, 'fixtures/the-national-2022-hassakeh.html'), 'utf8');

let server;         // with no database: an empty tracker
let base;
let trackerServer;  // with a tracker of the seed, the tracker fixtures and a hostile article
let trackerBase;
let scratch;
let browser;

// A hostile article: script and handler markup in the title, outlet and quote.
const hostileRecord = {
  id: 'hostile/1', outlet: '<b onmouseover=window.pwned=6>Outlet</b>', date: '2024-05-01',
  title: '<script>window.pwned = 4</script><img src=x onerror=window.pwned=5>Hostile title',
  text: '“<script>window.pwned = 1</script><img src=x onerror=window.pwned=2> is the plan,” Farhad Shami said on Monday.',
};

// Builds the tracker with `quotegraph ingest`.
function buildTracker() {
  scratch = mkdtempSync(join(tmpdir(), 'qg-browser-'));
  const corpus = join(scratch, 'articles.jsonl');
  const seedRecord = {id: 'the-national/2022/hassakeh', html: seed, outlet: 'The National', date: '2022-02-14'};
  writeFileSync(corpus, [seedRecord, hostileRecord].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const db = join(scratch, 'tracker.db');
  execFileSync(binary, ['ingest', '--db', db, '--quiet', corpus, join(root, 'fixtures/tracker/articles.jsonl')], {stdio: 'ignore'});
  return db;
}

// Starts `quotegraph serve --port 0 ARGS` and resolves with its address.
function startServer(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['serve', '--port', '0', ...args], {stdio: ['ignore', 'pipe', 'inherit']});
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) resolvePromise({child, base: match[1]});
    });
    child.on('exit', (code) => reject(new Error(`quotegraph serve exited with ${code}: ${output}`)));
  });
}

before(async () => {
  ({child: server, base} = await startServer(['--db', join(tmpdir(), 'qg-browser-no-such.db')]));
  ({child: trackerServer, base: trackerBase} = await startServer(['--db', buildTracker()]));
  browser = await chromium.launch({
    executablePath: process.env.QG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(screenshots, {recursive: true});
});

after(async () => {
  if (browser) await browser.close();
  for (const child of [server, trackerServer]) {
    if (!child) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (scratch) rmSync(scratch, {recursive: true, force: true});
});

// A page that fails the test on any script error or request leaving the server.
async function newPage(viewport = {width: 1280, height: 900}) {
  const page = await browser.newPage({viewport});
  page.setDefaultTimeout(45000);  // CI machines are small and busy
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    const local = [base, trackerBase, 'blob:', 'data:'].some((prefix) => url.startsWith(prefix));
    if (!local) problems.push(`external request: ${url}`);
  });
  page.problems = problems;
  return page;
}

async function extract(page, article, format) {
  await page.goto(`${base}/extract`);
  await page.fill('#article', article);
  await page.selectOption('#format', format);
  await page.click('#run');
  await page.waitForSelector('#article-view .content');
}

test('/extract highlights the seed article, one colour per speaker', async () => {
  const page = await newPage();
  await extract(page, seed, 'html');
  const statements = await page.$$eval('#article-view [role="button"]', (nodes) => nodes.length);
  assert.ok(statements >= 10, `${statements} statements highlighted`);
  for (const role of ['content', 'cue', 'source']) {
    assert.ok(await page.$(`#article-view .${role}`), `a ${role} is highlighted`);
  }

  const colours = await page.$$eval('#article-view .content', (nodes) => nodes.map((n) => ({
    speaker: n.getAttribute('data-speaker-name'), colour: getComputedStyle(n).backgroundColor})));
  const shami = new Set(colours.filter((c) => c.speaker === 'Farhad Shami').map((c) => c.colour));
  assert.ok(colours.filter((c) => c.speaker === 'Farhad Shami').length >= 3, 'Farhad Shami has several statements');
  assert.equal(shami.size, 1, `Farhad Shami's statements share one colour: ${[...shami]}`);
  const others = new Set(colours.filter((c) => c.speaker && c.speaker !== 'Farhad Shami').map((c) => c.colour));
  assert.ok(others.size >= 1 && ![...others].some((c) => shami.has(c)), 'other speakers have other colours');

  // Clicking a statement shows who said it; the side panel lists speakers with roles.
  await page.click('#article-view .content[data-speaker-name="Farhad Shami"]');
  const details = await page.textContent('#details');
  assert.match(details, /Farhad Shami/);
  assert.match(details, /spokesman/);
  assert.match(details, /Confidence/);
  assert.match(await page.textContent('#entities'), /Syrian Democratic Forces/);
  assert.ok(await page.$$eval('#findings li', (n) => n.length) >= 1);
  await page.evaluate(() => document.getElementById('results').scrollIntoView());
  await page.screenshot({path: join(screenshots, 'extract-seed.png'), fullPage: false});
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('/extract works with the keyboard alone and offers downloads', async () => {
  const page = await newPage({width: 390, height: 844});  // a phone
  await extract(page, seed, 'html');
  await page.focus('#article-view [role="button"]');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#details'), /Speaker/);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('role'));
  assert.equal(focused, 'button');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="brat"]')]);
  assert.equal(download.suggestedFilename(), 'quotegraph.ann');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling on a phone (${width}px)`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a quote containing <script> or <img onerror> stays inert text', async () => {
  const page = await newPage();
  const hostile = '<p>“<script>window.pwned = 1</script><img src=x onerror=window.pwned=2> is the plan,” ' +
    'Farhad Shami said on Monday.</p><p>“We will <b onmouseover=window.pwned=3>not</b> stop,” he said.</p>';
  // As text, the markup is the quote itself and must be shown as typed.
  await extract(page, hostile, 'text');
  const shown = await page.textContent('#article-view');
  assert.ok(shown.includes('<script>window.pwned = 1</script>'), 'the script tag is shown as text');
  assert.equal(await page.$('#article-view script, #article-view img, #article-view b'), null);
  await page.click('#article-view .content');
  assert.ok((await page.textContent('#details')).includes('<img src=x onerror'));
  assert.equal(await page.evaluate(() => window.pwned), undefined);

  // As HTML, the server drops the script; nothing runs either way.
  await extract(page, hostile, 'html');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$('#article-view script, #article-view img'), null);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('/extract stays responsive with 1,000 statements', async () => {
  // 1,000 direct quotes by 50 speakers, in 250 paragraphs: every one is highlighted, and a
  // click on the last one shows its speaker at once. The times go to the test's output
  // (docs/performance.md records them).
  const first = ['Anna', 'Erik', 'Maria', 'Jonas', 'Lena', 'Oskar', 'Sara', 'Nils', 'Eva', 'Karl'];
  const last = ['Berg', 'Lind', 'Holm', 'Dahl', 'Sund'];
  const paragraphs = [];
  for (let p = 0; p < 250; ++p) {
    const sentences = [];
    for (let s = 0; s < 4; ++s) {
      const n = p * 4 + s;
      const speaker = `${first[n % 10]} ${last[Math.floor(n / 10) % 5]}`;
      sentences.push(`“The plan for district ${n} is late and over budget,” ${speaker} said.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  const page = await newPage();
  await page.goto(`${base}/extract`);
  await page.fill('#article', paragraphs.join('\n\n'));
  await page.selectOption('#format', 'text');
  const started = Date.now();
  await page.click('#run');
  await page.waitForFunction(() => document.querySelectorAll('#article-view .content').length >= 1000);
  const rendered = Date.now() - started;
  const statements = await page.$$eval('#article-view .content', (nodes) => nodes.length);
  assert.equal(statements, 1000);
  const clickStarted = Date.now();
  await page.locator('#article-view .content').last().click();
  await page.waitForFunction(() => /district 999/.test(document.getElementById('details').textContent));
  const clicked = Date.now() - clickStarted;
  assert.match(await page.textContent('#details'), /Karl Sund/);
  console.log(`1,000 statements: extracted and drawn in ${rendered} ms; a click answered in ${clicked} ms`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the tracker page works with no database', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('#counts li');
  assert.match(await page.textContent('#counts'), /0\s*articles/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a speaker's page: roles, statements, timeline and a graph whose nodes open their pages", async () => {
  const page = await newPage();
  const found = await (await fetch(`${trackerBase}/api/speakers?name=Farhad%20Shami`)).json();
  assert.equal(found.items.length, 1);
  await page.goto(`${trackerBase}/speakers/${found.items[0].id}`);
  await page.waitForSelector('#statements tr');
  assert.equal(await page.textContent('h1'), 'Farhad Shami');
  const facts = await page.textContent('#facts');
  assert.match(facts, /spokesman/);
  assert.match(facts, /Syrian Democratic Forces/);
  const rows = await page.$$eval('#statements tr', (nodes) => nodes.length);
  assert.ok(rows >= 7, `${rows} statements listed`);
  assert.ok(await page.$$eval('#timeline .bar', (nodes) => nodes.length) >= 1);

  // The ego graph is drawn; clicking the organisation's node opens its page.
  await page.waitForFunction(() => QG.lastGraph && QG.lastGraph.nodes().length > 2);
  await page.waitForTimeout(300);
  await page.screenshot({path: join(screenshots, 'speaker-page.png'), fullPage: false});
  // A scroll made by a script is announced (the `scroll` event) only at the browser's next
  // frame, and until that event Cytoscape keeps the canvas's old place on screen: a click
  // sent straight after scrollIntoView() was placed by the old place, 400 px off the
  // canvas, and missed. A reader's click comes frames after the scroll; so does this one.
  await page.evaluate(() => new Promise((resolve) => {
    document.getElementById('graph-canvas').scrollIntoView();
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));
  const target = await page.evaluate(() => {
    const canvas = document.getElementById('graph-canvas');
    const rect = canvas.getBoundingClientRect();
    const cy = QG.lastGraph;
    const node = cy.nodes('[kind = "organisation"][href != ""]')[0];
    // The force layout starts from random positions, so another node can land on top of
    // this one and take the click: the node is moved clear of the others first (by hand,
    // as a reader could drag it), then clicked for real.
    const box = cy.elements().boundingBox();
    node.position({x: box.x2 + 80, y: (box.y1 + box.y2) / 2});
    cy.fit(undefined, 30);
    const at = node.renderedPosition();
    // Rendered positions are inside the container's border.
    return {href: node.data('href'), x: rect.left + canvas.clientLeft + at.x, y: rect.top + canvas.clientTop + at.y};
  });
  await Promise.all([page.waitForURL(`${trackerBase}${target.href}`), page.mouse.click(target.x, target.y)]);
  await page.waitForSelector('#statements tr');
  assert.match(await page.textContent('h1'), /Syrian Democratic Forces|SDF/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('tracker pages show hostile titles, outlets and quotes as inert text', async () => {
  const page = await newPage();
  await page.goto(`${trackerBase}/`);
  await page.waitForSelector('#latest li');
  assert.match(await page.textContent('#latest'), /<script>window.pwned = 4<\/script>/);
  await page.fill('#search', 'plan');
  await page.press('#search', 'Enter');
  await page.waitForSelector('#search-results tr td');
  await page.click(`#latest a[href="/documents/${encodeURIComponent(hostileRecord.id)}"]`);
  await page.waitForSelector('#article-view .content');
  assert.match(await page.textContent('h1'), /<img src=x onerror/);
  assert.match(await page.textContent('#meta'), /<b onmouseover/);
  assert.ok((await page.textContent('#article-view')).includes('<script>window.pwned = 1</script>'));
  assert.equal(await page.$('main script, main img, main b'), null);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the graph and audit pages of the tracker', async () => {
  const page = await newPage();
  await page.goto(`${trackerBase}/graph`);
  await page.waitForFunction(() => QG.lastGraph && QG.lastGraph.nodes().length > 5);
  assert.match(await page.textContent('#status'), /\d+ nodes/);
  assert.match(await page.getAttribute('#download-svg', 'href'), /format=svg/);
  await page.goto(`${trackerBase}/audit`);
  await page.waitForSelector('#summary li');
  assert.match(await page.textContent('#summary'), /articles/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
