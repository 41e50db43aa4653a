// argraph's interactive page: pan and zoom, search, filters, focus, verdicts
// per framing, and a node's details. Plain JavaScript, no library: the page
// must work offline from one file. The map's nodes are the SVG's
// <g class="node" data-id data-kind data-tags data-sources>, its edges
// <g class="edge" data-from data-to data-relation>; the data is the JSON in
// #argraph-data.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("argraph-data").textContent);
  const map = document.getElementById("map");
  const svg = map.querySelector("svg");
  const $ = (id) => document.getElementById(id);

  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const nodeEls = new Map();
  for (const g of svg.querySelectorAll("g.node[data-id]")) {
    nodeEls.set(g.dataset.id, g);
    // The node's own outline: the first shape drawn in its group.
    const shape = g.querySelector("polygon, ellipse, path");
    if (shape) shape.classList.add("shape");
  }
  const edgeEls = Array.from(svg.querySelectorAll("g.edge[data-from]"));

  // Neighbours, both ways, for the focus depth.
  const around = new Map(data.nodes.map((n) => [n.id, new Set()]));
  for (const e of data.edges) {
    around.get(e.from).add(e.to);
    around.get(e.to).add(e.from);
  }

  const state = { query: "", view: "", depth: Infinity, kinds: new Set(), tag: "", source: "", selected: null };

  // ---- pan and zoom, on the SVG's viewBox ----
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const home = svg.viewBox.baseVal;
  const whole = { x: home.x, y: home.y, w: home.width, h: home.height };
  let box = Object.assign({}, whole);
  const showBox = () => svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  const toMap = (clientX, clientY) => {
    const p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  };
  const zoom = (factor, at) => {
    const w = box.w * factor;
    if (w < whole.w / 200 || w > whole.w * 20) return;
    box = { x: at.x - (at.x - box.x) * factor, y: at.y - (at.y - box.y) * factor, w, h: box.h * factor };
    showBox();
  };
  const centre = () => {
    const r = map.getBoundingClientRect();
    return toMap(r.left + r.width / 2, r.top + r.height / 2);
  };
  map.addEventListener("wheel", (e) => {
    e.preventDefault();
    zoom(Math.exp(e.deltaY * 0.0015), toMap(e.clientX, e.clientY));
  }, { passive: false });
  $("zoom-in").addEventListener("click", () => zoom(1 / 1.4, centre()));
  $("zoom-out").addEventListener("click", () => zoom(1.4, centre()));
  $("fit").addEventListener("click", () => { box = Object.assign({}, whole); showBox(); });

  let drag = null;
  map.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, box: Object.assign({}, box), moved: false, id: e.pointerId };
  });
  map.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      map.classList.add("dragging");
      map.setPointerCapture(drag.id);
    }
    const scale = 1 / svg.getScreenCTM().a;
    box = { x: drag.box.x - dx * scale, y: drag.box.y - dy * scale, w: box.w, h: box.h };
    showBox();
  });
  const endDrag = (e) => {
    if (!drag) return;
    const wasDrag = drag.moved;
    drag = null;
    map.classList.remove("dragging");
    if (wasDrag) return;
    const g = e.target.closest && e.target.closest("g.node[data-id]");
    if (g) select(g.dataset.id, false);
  };
  map.addEventListener("pointerup", endDrag);
  map.addEventListener("pointercancel", () => { drag = null; map.classList.remove("dragging"); });

  // Brings a node into the middle of the view, keeping the zoom.
  const bringIntoView = (id) => {
    const g = nodeEls.get(id);
    if (!g) return;
    const r = g.getBoundingClientRect();
    const c = toMap(r.left + r.width / 2, r.top + r.height / 2);
    box = { x: c.x - box.w / 2, y: c.y - box.h / 2, w: box.w, h: box.h };
    showBox();
  };

  // ---- controls ----
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  };

  data.views.forEach((v, i) => $("view").append(el("option", { value: String(i) }, v.name)));
  if (data.views.length === 0) $("view").disabled = true;

  const kinds = [];
  for (const n of data.nodes) if (!kinds.includes(n.kind)) kinds.push(n.kind);
  for (const k of kinds) {
    state.kinds.add(k);
    const tick = el("input", { type: "checkbox", value: k });
    tick.checked = true;
    tick.addEventListener("change", () => {
      if (tick.checked) state.kinds.add(k); else state.kinds.delete(k);
      update();
    });
    $("kinds").append(el("label", {}, tick, " " + k));
  }
  const tags = new Set();
  for (const n of data.nodes) n.tags.forEach((t) => tags.add(t));
  for (const t of Array.from(tags).sort()) $("tag").append(el("option", { value: t }, t));
  const sourceName = new Map(data.sources.map((s) => [s.id, describeSource(s)]));
  for (const s of data.sources) $("source").append(el("option", { value: s.id }, s.title ? `${s.id}: ${s.title}` : s.id));

  $("search").addEventListener("input", (e) => { state.query = e.target.value.trim().toLowerCase(); update(); });
  $("view").addEventListener("change", (e) => { state.view = e.target.value; update(); showDetails(); });
  $("tag").addEventListener("change", (e) => { state.tag = e.target.value; update(); });
  $("source").addEventListener("change", (e) => { state.source = e.target.value; update(); });
  $("depth").addEventListener("input", (e) => {
    const v = Number(e.target.value);
    state.depth = v >= Number(e.target.max) ? Infinity : v;
    $("depth-out").value = state.depth === Infinity ? "all" : String(v);
    update();
  });
  $("reset").addEventListener("click", () => {
    Object.assign(state, { query: "", depth: Infinity, tag: "", source: "", selected: null });
    $("search").value = "";
    $("depth").value = $("depth").max;
    $("depth-out").value = "all";
    $("tag").value = "";
    $("source").value = "";
    for (const c of $("kinds").querySelectorAll("input")) { c.checked = true; state.kinds.add(c.value); }
    update();
    showDetails();
  });

  // ---- what is shown ----
  const matches = (n, q) =>
    n.id.toLowerCase().includes(q) ||
    (n.label || "").toLowerCase().includes(q) ||
    n.text.toLowerCase().includes(q);

  // Nodes within `depth` edges of the selected node (all without one).
  const inFocus = () => {
    if (state.selected === null || state.depth === Infinity) return null;
    const seen = new Set([state.selected]);
    let frontier = [state.selected];
    for (let d = 0; d < state.depth; d++) {
      const next = [];
      for (const id of frontier) for (const m of around.get(id)) if (!seen.has(m)) { seen.add(m); next.push(m); }
      frontier = next;
    }
    return seen;
  };

  function update() {
    const focus = inFocus();
    const view = state.view === "" ? null : data.views[Number(state.view)];
    const shown = new Set();
    let hits = 0;
    for (const [id, g] of nodeEls) {
      const n = nodes.get(id);
      const visible = state.kinds.has(n.kind) &&
        (state.tag === "" || n.tags.includes(state.tag)) &&
        (state.source === "" || n.sources.includes(state.source)) &&
        (focus === null || focus.has(id));
      if (visible) shown.add(id);
      g.classList.toggle("dim", !visible);
      const hit = state.query !== "" && matches(n, state.query);
      if (hit) hits++;
      g.classList.toggle("hit", hit);
      g.classList.toggle("selected", id === state.selected);
      const mark = view && view.marks[id];
      const shape = g.querySelector(".shape");
      if (shape) shape.style.fill = mark ? mark[0] : "";
      if (mark) g.dataset.mark = mark[1]; else delete g.dataset.mark;
    }
    for (const g of edgeEls) g.classList.toggle("dim", !(shown.has(g.dataset.from) && shown.has(g.dataset.to)));
    $("hits").value = state.query === "" ? "" : `${hits} match${hits === 1 ? "" : "es"}`;
    showKey(view);
  }

  function showKey(view) {
    const key = $("key");
    key.replaceChildren();
    if (!view) return;
    key.append(el("div", {}, el("b", {}, view.caption)));
    // Strengths (σ 0.72): one chip shading from the weakest to the strongest.
    const strengths = Object.values(view.marks)
      .filter(([, text]) => text.startsWith("σ"))
      .sort((a, b) => parseFloat(a[1].slice(2)) - parseFloat(b[1].slice(2)));
    if (strengths.length) {
      const [low, high] = [strengths[0], strengths[strengths.length - 1]];
      const chip = el("span", { class: "chip" });
      chip.style.background = `linear-gradient(to right, ${low[0]}, ${high[0]})`;
      chip.style.width = "48px";
      key.append(el("span", {}, chip, `strength ${low[1].split(" ")[1]} to ${high[1].split(" ")[1]}`));
      return;
    }
    const seen = new Map();
    for (const [fill, text] of Object.values(view.marks)) if (!seen.has(text)) seen.set(text, fill);
    for (const [word, fill] of seen) {
      const chip = el("span", { class: "chip" });
      chip.style.background = fill;
      key.append(el("span", { class: "key-entry" }, chip, word + "  "));
    }
  }

  // ---- details of the selected node ----
  function select(id, centre) {
    state.selected = id;
    update();
    showDetails();
    if (centre) bringIntoView(id);
  }

  function describeSource(s) {
    let t = s.title || s.id;
    if (s.authors && s.authors.length) t = `${s.authors.join(", ")}: ${t}`;
    if (s.year) t += ` (${s.year})`;
    return t;
  }

  const nodeName = (id) => {
    const n = nodes.get(id);
    return n.label || (n.text.length > 80 ? n.text.slice(0, 77) + "…" : n.text);
  };
  const nodeLink = (id) => {
    const b = el("button", { class: "node-link", "data-go": id, title: id }, nodeName(id));
    b.addEventListener("click", () => select(id, true));
    return b;
  };

  // An attack's kind as a verb: "rebut" in the data, "rebuts" on the page.
  const VERB = { rebut: "rebuts", undermine: "undermines", undercut: "undercuts" };
  function edgeList(title, edges, other) {
    if (edges.length === 0) return [];
    const ul = el("ul", { class: "edges" });
    for (const e of edges) {
      const li = el("li", {}, nodeLink(other(e)));
      if (VERB[e.relation]) li.append(el("span", { class: "where" }, ` (${VERB[e.relation]})`));
      if (e.label) li.append(el("span", { class: "where" }, ` (“${e.label}”)`));
      ul.append(li);
    }
    return [el("h3", {}, title), ul];
  }

  function showDetails() {
    const pane = $("details");
    pane.replaceChildren();
    const id = state.selected;
    if (id === null) {
      pane.append(el("p", { class: "hint" }, "Click a node for its full text, its sources' words, what supports and attacks it, and its verdict under each framing."));
      return;
    }
    const n = nodes.get(id);
    pane.append(el("h2", {}, n.label || n.id));
    const badges = el("p", {}, el("span", { class: "badge" }, n.kind), el("code", {}, n.id));
    if (n.synthesis) badges.prepend(el("span", { class: "badge" }, "our synthesis"));
    pane.append(badges, el("p", { class: "text" }, n.text));
    if (n.tags.length) pane.append(el("p", { class: "tags" }, ...n.tags.map((t) => el("span", { class: "badge" }, t))));

    if (n.provenance.length) {
      pane.append(el("h3", {}, "Sources"));
      for (const p of n.provenance) {
        const where = [sourceName.get(p.source) || p.source, p.locator].filter(Boolean).join(" · ");
        pane.append(el("div", { class: "where" }, where));
        if (p.quote) pane.append(el("blockquote", { class: "quote" }, `“${p.quote}”`));
      }
    }
    const into = data.edges.filter((e) => e.to === id);
    const out = data.edges.filter((e) => e.from === id);
    const isAttack = (e) => e.relation !== "supports" && e.relation !== "frames";
    pane.append(
      ...edgeList("Supporters", into.filter((e) => e.relation === "supports"), (e) => e.from),
      ...edgeList("Attackers", into.filter(isAttack), (e) => e.from),
      ...edgeList("Framed by", into.filter((e) => e.relation === "frames"), (e) => e.from),
      ...edgeList("Supports", out.filter((e) => e.relation === "supports"), (e) => e.to),
      ...edgeList("Attacks", out.filter(isAttack), (e) => e.to),
      ...edgeList("Frames", out.filter((e) => e.relation === "frames"), (e) => e.to),
    );

    if (data.views.length) {
      pane.append(el("h3", {}, "Verdict per framing"));
      const table = el("table", { class: "verdicts" });
      data.views.forEach((v, i) => {
        const mark = v.marks[id];
        const chip = el("span", { class: "chip" });
        if (mark) chip.style.background = mark[0];
        const row = el("tr", {}, el("td", {}, v.name), el("td", {}, chip, mark ? mark[1] : "—"));
        if (String(i) === state.view) row.className = "current";
        table.append(row);
      });
      pane.append(table);
      const view = data.views[state.view === "" ? 0 : Number(state.view)];
      const why = view.explanations[id];
      if (why) pane.append(el("h3", {}, `Why, ${view.name}`), el("pre", { class: "explanation" }, why));
    }
  }

  update();
  showDetails();
})();
