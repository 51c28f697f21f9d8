// Options page: every control saves at once (a failed save is shown, and the controls show
// what is stored); import is all-or-nothing; custom rules are validated line by line before
// anything is stored; a reset of unreadable settings is announced once.
import {
  load,
  save,
  update,
  takeResetNotice,
  ALL_LABELS,
  exportText,
  parseImport,
} from "./lib/settings.js";
import { parseRules, validSelector } from "./lib/rules.js";
import { t, localize, labelName } from "./lib/i18n.js";
import { applyTheme } from "./lib/theme.js";

const $ = (id) => document.getElementById(id);
let settings = null;

function say(text, isError = false) {
  const s = $("status");
  s.textContent = "";
  s.classList.toggle("error", isError);
  setTimeout(() => (s.textContent = text), 30);
}

async function change(fn) {
  try {
    settings = await update(fn);
    say(t("saved"));
  } catch (err) {
    say(t("couldNotSave", [err && err.message]), true);
    settings = await load();
    render();
    return;
  }
  renderValues();
}

function renderLabels() {
  const box = $("labels");
  box.replaceChildren();
  for (const label of ALL_LABELS) {
    const row = document.createElement("label");
    row.className = "row";
    const box2 = document.createElement("input");
    box2.type = "checkbox";
    box2.value = label;
    box2.checked = settings.labels.includes(label);
    box2.addEventListener("change", () =>
      change((s) => {
        s.labels = ALL_LABELS.filter((l) => (l === label ? box2.checked : s.labels.includes(l)));
      }),
    );
    const name = document.createElement("span");
    name.textContent = labelName(label);
    row.append(box2, " ", name);
    box.append(row);
  }
}

function renderSites() {
  const q = $("site-search").value.trim().toLowerCase();
  const list = $("sites");
  list.replaceChildren();
  const hosts = Object.keys(settings.sites)
    .filter((h) => h.includes(q))
    .sort();
  for (const host of hosts) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = settings.sites[host];
    box.setAttribute("aria-label", t("optSiteOn", [host]));
    box.addEventListener("change", () =>
      change((s) => {
        s.sites[host] = box.checked;
      }),
    );
    const name = document.createElement("span");
    name.textContent = host;
    label.append(box, name);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = t("optRemove");
    remove.setAttribute("aria-label", t("optRemoveSite", [host]));
    remove.addEventListener("click", async () => {
      await change((s) => {
        delete s.sites[host];
      });
      renderSites();
      say(t("siteRemoved", [host]));
      $("site-search").focus();
    });
    li.append(label, remove);
    list.append(li);
  }
  $("no-sites").hidden = hosts.length > 0;
}

/** The values of the fixed controls (lists keep their elements, so focus stays put). */
function renderValues() {
  applyTheme(settings.theme);
  $("enabled-default").checked = settings.enabledByDefault;
  $("auto-open").checked = settings.autoOpenSidebar;
  $("summary-length").value = settings.summaryLength;
  $("theme").value = settings.theme;
}

function render() {
  renderValues();
  renderLabels();
  renderSites();
}

function renderRules() {
  $("rules").value = settings.rules.join("\n");
  $("rule-errors").replaceChildren();
  $("rules").removeAttribute("aria-invalid");
}

async function saveRules() {
  const { rules, errors } = parseRules($("rules").value, validSelector);
  const list = $("rule-errors");
  list.replaceChildren();
  for (const e of errors) {
    const li = document.createElement("li");
    li.textContent = t(e.key, e.subs);
    list.append(li);
  }
  if (errors.length) {
    $("rules").setAttribute("aria-invalid", "true");
    say(t("rulesNotSaved"), true);
    return;
  }
  $("rules").removeAttribute("aria-invalid");
  try {
    settings = await update((s) => {
      s.rules = rules.map((r) => r.text);
    });
    renderRules();
    say(t("rulesSaved", [settings.rules.length]));
  } catch (err) {
    say(t("couldNotSave", [err && err.message]), true);
  }
}

function exportSettings() {
  const blob = new Blob([exportText(settings)], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "decant-settings.json";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  say(t("exportDone"));
}

async function importFile(file) {
  let next;
  try {
    if (file.size > 1_000_000) throw new Error("the file is too large");
    next = parseImport(await file.text());
    const bad = next.rules.find((line) => !validSelector(line.slice(line.indexOf("##") + 2)));
    if (bad) throw new Error(`the rule "${bad}" has an invalid selector`);
  } catch (err) {
    say(t("importBad", [err && err.message]), true);
    return;
  }
  try {
    settings = await save(next);
    render();
    renderRules();
    say(t("importDone"));
  } catch (err) {
    say(t("couldNotSave", [err && err.message]), true);
  }
}

/** Shows the notice that unreadable settings were reset, if load() recorded one. */
async function showResetNotice() {
  const notice = await takeResetNotice();
  if (!notice) return;
  $("notice").textContent = t(notice === "all" ? "settingsResetAll" : "settingsResetSome");
  $("notice").hidden = false;
}

async function main() {
  localize();
  settings = await load();
  render();
  renderRules();
  await showResetNotice();
  document.body.dataset.ready = "true";

  $("enabled-default").addEventListener("change", (e) =>
    change((s) => {
      s.enabledByDefault = e.target.checked;
    }),
  );
  $("auto-open").addEventListener("change", (e) =>
    change((s) => {
      s.autoOpenSidebar = e.target.checked;
    }),
  );
  $("summary-length").addEventListener("change", (e) =>
    change((s) => {
      s.summaryLength = e.target.value;
    }),
  );
  $("theme").addEventListener("change", (e) =>
    change((s) => {
      s.theme = e.target.value;
    }),
  );
  $("site-search").addEventListener("input", renderSites);
  $("save-rules").addEventListener("click", saveRules);
  $("export").addEventListener("click", exportSettings);
  $("import").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async (e) => {
    const file = e.target.files && e.target.files[0];
    e.target.value = "";
    if (file) await importFile(file);
  });
}

main();
