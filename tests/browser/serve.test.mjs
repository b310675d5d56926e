// End-to-end tests of `quotegraph serve` in a real browser: Debian's chromium, headless,
// driven by playwright-core (no browser download), against a server this test starts on a
// free loopback port. Run by ctest (tests/CMakeLists.txt) or `node --test tests/browser/`.
// QG_BINARY names the quotegraph binary (default build/quotegraph); QG_SCREENSHOTS the
// folder screenshots go to (default build/screenshots; tools/screenshots sets docs/).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {readFileSync, mkdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.QG_BINARY || join(root, 'build/quotegraph');
const screenshots = process.env.QG_SCREENSHOTS || join(root, 'build/screenshots');
const seed = readFileSync(join(root, 'fixtures/the-national-2022-hassakeh.html'), 'utf8');

let server;
let base;
let browser;

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
  ({child: server, base} = await startServer(process.env.QG_SERVE_ARGS ? process.env.QG_SERVE_ARGS.split(' ') : []));
  browser = await chromium.launch({
    executablePath: process.env.QG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(screenshots, {recursive: true});
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

// A page that fails the test on any script error or request leaving the server.
async function newPage(viewport = {width: 1280, height: 900}) {
  const page = await browser.newPage({viewport});
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('blob:') && !url.startsWith('data:')) problems.push(`external request: ${url}`);
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

test('the tracker page works with no database', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('#counts li');
  assert.match(await page.textContent('#counts'), /0\s*articles/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
