// The demo of the npm package: pkg/ imported as an ES module, no bundler.
import { init, analyzeHtml } from "../../pkg/index.js";

const COLORS = {
  article: "#16a34a",
  paywall: "#dc2626",
  aggregator: "#9333ea",
  consent: "#ea580c",
  newsletter: "#2563eb",
  "app-banner": "#db2777",
  related: "#0891b2",
  ad: "#ca8a04",
  nav: "#6b7280",
};
const $ = (id) => document.getElementById(id);

function text(tag, value) {
  const el = document.createElement(tag);
  el.textContent = value;
  return el;
}

/** Outlines each flagged block in the preview frame, its reason as a tooltip. */
function outline(frameDoc, blocks) {
  const byPath = new Map(blocks.map((b) => [b.path, b]));
  for (const [path, b] of byPath) {
    let el;
    try {
      el = frameDoc.querySelector(path);
    } catch {
      continue;
    }
    if (!el) continue;
    el.style.outline = `3px solid ${COLORS[b.label]}`;
    el.style.outlineOffset = "-3px";
    el.title = `${b.label} (${b.confidence.toFixed(2)}): ${b.message}`;
  }
}

function show(analysis, html) {
  const meta = $("meta");
  meta.replaceChildren();
  const m = analysis.metadata;
  const fields = [
    ["Title", m.title],
    ["By", m.byline],
    ["Published", m.published],
    ["Site", m.site_name],
    ["Source", m.source],
    ["Language", m.lang],
    ["Reading time", analysis.article ? `${analysis.article.reading_minutes} min` : null],
  ];
  if (!analysis.article) meta.append(text("dt", "Not an article"));
  for (const [k, v] of fields) {
    if (v) meta.append(text("dt", k), text("dd", v));
  }
  const points = $("points");
  points.replaceChildren();
  for (const p of analysis.summary ? analysis.summary.points : [])
    points.append(text("li", p.text));
  const legend = $("legend");
  legend.replaceChildren();
  for (const b of analysis.blocks) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = COLORS[b.label];
    li.append(swatch, text("strong", b.label), text("span", ` ${b.preview} — ${b.message}`));
    legend.append(li);
  }
  // The page is shown inert: a sandbox without scripts.
  const frame = $("preview");
  frame.srcdoc = html;
  frame.onload = () => outline(frame.contentDocument, analysis.blocks);
}

async function main() {
  await init();
  $("sample").addEventListener("click", async () => {
    $("html").value = await (await fetch("../aggregator.html")).text();
  });
  $("run").addEventListener("click", () => {
    const html = $("html").value;
    try {
      const t0 = performance.now();
      const analysis = analyzeHtml(html);
      $("status").textContent =
        `${analysis.blocks.length} blocks in ${(performance.now() - t0).toFixed(1)} ms`;
      show(analysis, html);
    } catch (e) {
      $("status").textContent = `${e.code || "error"}: ${e.message}`;
    }
  });
  $("status").textContent = "Ready";
  // `?sample` analyses the bundled sample at once (handy for a quick look in any browser).
  if (new URLSearchParams(location.search).has("sample")) {
    $("sample").click();
    await new Promise((r) => setTimeout(r, 300));
    $("run").click();
  }
}

main().catch((e) => {
  $("status").textContent = `Could not load the Decant core: ${e.message}`;
});
