// The summary sidebar: an extension page shown in an iframe (inside a closed shadow root) that
// the content script injects. Page data arrives only over the MessagePort the content script
// transfers with its first message; every page string is set with textContent.
import { t, localize, labelName, uiLang, plural } from "./lib/i18n.js";
import { load } from "./lib/settings.js";
import { applyTheme } from "./lib/theme.js";

const $ = (id) => document.getElementById(id);
const nonce = location.hash.slice(1);
const POINTS = { short: 3, medium: 5, long: 7 };
let port = null;
let state = null;
let length = "medium";

function say(text) {
  // Re-set so the same text is announced again.
  $("live").textContent = "";
  setTimeout(() => ($("live").textContent = text), 50);
}

function send(msg) {
  if (port) port.postMessage(msg);
}

function formatDate(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  try {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    return new Intl.DateTimeFormat(uiLang(), {
      dateStyle: "long",
      ...(dateOnly ? { timeZone: "UTC" } : {}),
    }).format(d);
  } catch {
    return d.toDateString();
  }
}

function sameDoc(a, b) {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return (
      x.host.replace(/^www\./, "") === y.host.replace(/^www\./, "") && x.pathname === y.pathname
    );
  } catch {
    return true;
  }
}

function hostOf(u) {
  try {
    return new URL(u).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** "The Northgate Courier, on Newsloop" on aggregator pages; else the site's name. */
function sourceLine(s) {
  const site = s.site_name || s.host || "";
  // No named source: a canonical URL on another host names the original publisher.
  const canonical = hostOf(s.url);
  const source =
    s.source || (canonical && canonical !== hostOf(s.pageUrl) ? canonical : null) || "";
  if (source && site && source.toLowerCase() !== site.toLowerCase()) {
    return t("sidebarOn", [source, site]);
  }
  return source || site;
}

/** The points to show: the core's own length when it has one, else the first 3/5/7. */
function shownPoints(summary) {
  const pts = summary && Array.isArray(summary.points) ? summary.points : [];
  return state && state.lengthSupported ? pts : pts.slice(0, POINTS[length] || 5);
}

function render() {
  const s = state;
  $("loading").hidden = true;
  $("content").setAttribute("aria-busy", "false");
  $("article").hidden = !s.title;
  $("no-article").hidden = Boolean(s.title);
  $("title").textContent = s.title || "";
  $("source").textContent = sourceLine(s);
  $("byline").textContent = s.byline ? t("sidebarBy", [s.byline]) : "";
  $("date").textContent = formatDate(s.published);
  if (s.published) $("date").setAttribute("datetime", s.published);
  $("reading").textContent = s.reading_minutes ? t("readingTime", [s.reading_minutes]) : "";
  // " · " between the parts that are there.
  let before = false;
  for (const id of ["byline", "date", "reading"]) {
    const el = $(id);
    el.classList.toggle("sep", before && Boolean(el.textContent));
    before ||= Boolean(el.textContent);
  }
  const link = $("source-link");
  const safe = /^https?:\/\//i.test(s.url || "");
  $("source-link-row").hidden = !(safe && !sameDoc(s.url, s.pageUrl));
  if (safe) link.href = s.url;

  $("summary").hidden = !s.title;
  const summary = s.summary;
  const tldr = summary && summary.tldr && summary.tldr.text;
  $("tldr-box").hidden = !tldr;
  $("tldr").textContent = tldr || "";
  const list = $("points");
  list.replaceChildren();
  // A point the "In short" line already shows (alone or with the sentence it needs) is not
  // repeated; indexes stay the core's.
  const pts = shownPoints(summary)
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !tldr || !String(p.text || "").includes(tldr));
  pts.forEach(({ p, i }) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = "point";
    b.textContent = String(p.text || "");
    b.addEventListener("click", () => send({ type: "highlight", index: i }));
    li.append(b);
    list.append(li);
  });
  list.hidden = !pts.length;
  $("no-summary").hidden = Boolean(pts.length || tldr);
  $("copy").disabled = !s.title;

  const hidden = $("hidden-list");
  hidden.replaceChildren();
  if (!s.hidden.length) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = t("nothingHidden");
    hidden.append(li);
  }
  for (const h of s.hidden) {
    const li = document.createElement("li");
    const name = document.createElement("div");
    name.className = "label";
    name.textContent = labelName(h.label);
    const msg = document.createElement("p");
    msg.className = "message muted";
    msg.textContent = String(h.message || "");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = t("showBlock");
    b.setAttribute("aria-label", t("showBlockLabel", [labelName(h.label)]));
    b.addEventListener("click", () => {
      send({ type: "show", id: h.id });
      say(t("blockShown", [labelName(h.label)]));
    });
    li.append(name, msg, b);
    hidden.append(li);
  }
}

/** `# [Title](link)`, the one-line summary, and the points as a list. */
function markdown() {
  const s = state;
  const esc = (v) => String(v).replace(/([\\[\]*_`<>])/g, "\\$1");
  const href = s.url && /^https?:/i.test(s.url) ? s.url : s.pageUrl;
  const link = String(href).replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  const lines = [`# [${esc(s.title)}](${link})`, ""];
  const tldr = s.summary && s.summary.tldr && s.summary.tldr.text;
  if (tldr) lines.push(esc(tldr), "");
  for (const p of shownPoints(s.summary)) if (p.text !== tldr) lines.push(`- ${esc(p.text)}`);
  return lines.join("\n").trim() + "\n";
}

async function copy() {
  const text = markdown();
  try {
    await navigator.clipboard.writeText(text);
    say(t("copied"));
  } catch {
    // Fallback where the clipboard API is not allowed in this frame.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    $("copy").focus();
    say(t(ok ? "copied" : "copyFailed"));
  }
}

function onPortMessage(msg) {
  if (!msg || typeof msg.type !== "string") return;
  if (msg.type === "state") {
    const first = !state;
    state = msg.state;
    render();
    if (first) {
      $("close").focus({ preventScroll: true });
      if (msg.announce) say(msg.announce);
    }
  } else if (msg.type === "focus") {
    $("close").focus({ preventScroll: true });
  } else if (msg.type === "announce") {
    say(String(msg.text || ""));
  }
}

addEventListener("message", (e) => {
  const d = e.data;
  if (port || !nonce || !d || d.type !== "decant-init" || d.nonce !== nonce) return;
  if (e.source !== window.parent || !e.ports || !e.ports[0]) return;
  port = e.ports[0];
  port.onmessage = (ev) => onPortMessage(ev.data);
  send({ type: "ready" });
});

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") {
    e.preventDefault();
    send({ type: "close" });
  }
});
$("close").addEventListener("click", () => send({ type: "close" }));
$("copy").addEventListener("click", copy);
$("length").addEventListener("change", (e) => {
  length = e.target.value;
  if (state && state.lengthSupported) send({ type: "length", length });
  else if (state) render();
  if (state) say(plural(shownPoints(state.summary).length, "pointsOne", "pointsOther"));
});

localize();
load().then((settings) => {
  applyTheme(settings.theme);
  const changed = settings.summaryLength !== length;
  length = settings.summaryLength;
  $("length").value = length;
  if (state && changed) render();
});
