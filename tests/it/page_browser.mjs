// Drives headless Chromium through the interactive page as a reader would,
// over the DevTools protocol on a pipe (file descriptors 3 and 4: no
// WebSocket, no package), and prints one JSON object of what it saw; the
// Rust test (page_browser.rs) holds the expectations.
//
//   node page_browser.mjs CHROMIUM PAGE.html SCREENSHOT.png NODE_ID FRAMING_VIEW
//
// Steps: load the page; wheel-zoom the map; type "Taliban" in the search
// box; click NODE_ID with the mouse; read the details; pull the focus slider
// to 1; switch the framing selector to each view, reading each node's fill;
// leave view FRAMING_VIEW selected and write the screenshot.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [chromium, page, screenshot, nodeId, framingView] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "argraph-chromium-"));
const browser = spawn(chromium, [
  "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
  "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
  `--user-data-dir=${profile}`, "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let browserLog = "";
browser.stderr.on("data", (d) => { browserLog += d; });

// Chromium may still write its profile while it shuts down: retried, and
// a leftover in the temporary directory is no failure.
const removeProfile = () => {
  try { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (_) { /* left in tmp */ }
};
const fail = (message) => {
  process.stderr.write(`page_browser.mjs: ${message}\n--- chromium's stderr ---\n${browserLog.slice(-4000)}\n`);
  try { browser.kill("SIGKILL"); } catch (_) { /* already gone */ }
  removeProfile();
  process.exit(1);
};
setTimeout(() => fail("timed out after 90 s"), 90_000).unref();
browser.on("error", (e) => fail(`cannot start ${chromium}: ${e.message}`));

// ---- the protocol: JSON messages, each ended by a NUL byte ----
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];
let nextId = 1;
const pending = new Map();
const waiters = [];
const problems = [];
let buffered = "";
fromBrowser.on("data", (chunk) => {
  buffered += chunk.toString("utf8");
  let end;
  while ((end = buffered.indexOf("\0")) >= 0) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else {
      onEvent(message);
    }
  }
});
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject, method });
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + "\0");
});
const waitFor = (method) => new Promise((resolve) => waiters.push({ method, resolve }));
function onEvent(message) {
  const p = message.params || {};
  if (message.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert")) {
    problems.push(`console.${p.type}: ${p.args.map((a) => a.value ?? a.description).join(" ")}`);
  } else if (message.method === "Runtime.exceptionThrown") {
    const d = p.exceptionDetails;
    problems.push(`exception: ${d.exception ? d.exception.description : d.text}`);
  } else if (message.method === "Log.entryAdded" && p.entry.level === "error") {
    problems.push(`log: ${p.entry.text} ${p.entry.url || ""}`);
  }
  const i = waiters.findIndex((w) => w.method === message.method);
  if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
}

async function main() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const call = (method, params) => send(method, params, sessionId);
  const js = async (expression) => {
    const r = await call("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.exception.description}`);
    return r.result.value;
  };
  const settle = () => js("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))");
  for (const domain of ["Page", "Runtime", "Log"]) await call(`${domain}.enable`);
  await call("Emulation.setDeviceMetricsOverride", { width: 1600, height: 1000, deviceScaleFactor: 1, mobile: false });
  const loaded = waitFor("Page.loadEventFired");
  await call("Page.navigate", { url: pathToFileURL(page).href });
  await loaded;
  await settle();
  const seen = {};
  seen.nodes = await js("document.querySelectorAll('#map g.node[data-id]').length");
  seen.edges = await js("document.querySelectorAll('#map g.edge[data-from]').length");

  // Pan and zoom: the wheel over the map changes the SVG's viewBox.
  const viewBox = () => js("document.querySelector('#map svg').getAttribute('viewBox')");
  const before = await viewBox();
  await call("Input.dispatchMouseEvent", { type: "mouseWheel", x: 500, y: 500, deltaX: 0, deltaY: -300 });
  await settle();
  seen.zoomed = before !== (await viewBox());

  // Search: typed into the box.
  await js("document.getElementById('search').focus()");
  await call("Input.insertText", { text: "Taliban" });
  await settle();
  seen.hits = await js("Array.from(document.querySelectorAll('#map g.node.hit'), (g) => g.dataset.id)");
  seen.hitsText = await js("document.getElementById('hits').value");
  await js("document.getElementById('fit').click()");
  await settle();

  // Click the node with the mouse, where it is drawn.
  const where = await js(`(() => {
    const r = document.querySelector('#map g.node[data-id=${JSON.stringify(nodeId)}]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  for (const type of ["mouseMoved", "mousePressed", "mouseReleased"]) {
    await call("Input.dispatchMouseEvent", { type, x: where.x, y: where.y, button: "left", clickCount: 1 });
  }
  await settle();
  seen.selected = await js("Array.from(document.querySelectorAll('#map g.node.selected'), (g) => g.dataset.id)");
  seen.details = await js("document.getElementById('details').innerText");
  seen.quotes = await js("Array.from(document.querySelectorAll('#details .quote'), (q) => q.textContent)");

  // The focus slider at 1: the node and its neighbours stay, the rest dims.
  await js("(() => { const d = document.getElementById('depth'); d.value = '1'; d.dispatchEvent(new Event('input')); })()");
  await settle();
  seen.focused = await js("Array.from(document.querySelectorAll('#map g.node[data-id]:not(.dim)'), (g) => g.dataset.id)");
  await js("(() => { const d = document.getElementById('depth'); d.value = d.max; d.dispatchEvent(new Event('input')); })()");

  // The filters: a tag, then a source, then a kind unticked.
  const choose = (id, value) => js(`(() => { const s = document.getElementById(${JSON.stringify(id)});
    s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event("change")); })()`);
  const undimmed = () => js("Array.from(document.querySelectorAll('#map g.node[data-id]:not(.dim)'), (g) => g.dataset.id)");
  await choose("tag", "period:soviet-1979-1989");
  seen.tagged = await undimmed();
  await choose("tag", "");
  await choose("source", "opinion");
  seen.fromSource = await undimmed();
  await choose("source", "");
  await js("document.querySelector('#kinds input[value=evidence]').click()");
  seen.withoutEvidence = await undimmed();
  await js("document.querySelector('#kinds input[value=evidence]').click()");

  // Each view of the framing selector: every node's fill and mark.
  const views = await js("Array.from(document.getElementById('view').options, (o) => o.value)");
  seen.fills = {};
  seen.marks = {};
  for (const v of views) {
    await js(`(() => { const s = document.getElementById('view'); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change')); })()`);
    await settle();
    seen.fills[v] = await js(`Object.fromEntries(Array.from(document.querySelectorAll('#map g.node[data-id]'),
      (g) => [g.dataset.id, getComputedStyle(g.querySelector('.shape')).fill]))`);
    seen.marks[v] = await js("Object.fromEntries(Array.from(document.querySelectorAll('#map g.node[data-id]'), (g) => [g.dataset.id, g.dataset.mark || null]))");
  }
  await js(`(() => { const s = document.getElementById('view'); s.value = ${JSON.stringify(framingView)}; s.dispatchEvent(new Event('change')); })()`);
  await settle();
  seen.explanation = await js("(document.querySelector('#details pre.explanation') || {}).textContent || null");

  // Zoom in on the node with the wheel, for a screenshot that can be read.
  const near = await js(`(() => {
    const r = document.querySelector('#map g.node[data-id=${JSON.stringify(nodeId)}]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  for (let i = 0; i < 3; i++) {
    await call("Input.dispatchMouseEvent", { type: "mouseWheel", x: near.x, y: near.y, deltaX: 0, deltaY: -400 });
  }
  await settle();
  const shot = await call("Page.captureScreenshot", { format: "png" });
  writeFileSync(screenshot, Buffer.from(shot.data, "base64"));
  seen.problems = problems;
  const exited = new Promise((resolve) => { browser.once("exit", resolve); setTimeout(resolve, 10_000); });
  await send("Browser.close").catch(() => {});
  await exited;
  process.stdout.write(JSON.stringify(seen) + "\n");
  removeProfile();
  process.exit(0);
}

main().catch((e) => fail(e.stack || String(e)));
