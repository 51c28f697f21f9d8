// Toolbar popup: this site's toggle, the global default, the sidebar and options buttons, and
// what was hidden here. `popup.html?tab=ID` targets that tab (tests); otherwise the active tab.
// A failed save is shown and the toggles go back to what is stored; a reset of unreadable
// settings is announced once.
import { api } from "./lib/compat.js";
import { load, update, enabledFor, takeResetNotice } from "./lib/settings.js";
import { t, localize, labelName, plural } from "./lib/i18n.js";
import { applyTheme } from "./lib/theme.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const inTab = params.has("tab");

async function targetTab() {
  const id = Number(params.get("tab"));
  if (inTab && Number.isInteger(id)) {
    try {
      return await api.tabs.get(id);
    } catch {
      return null;
    }
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function pageState(tab) {
  try {
    return await api.tabs.sendMessage(tab.id, { type: "get-state" });
  } catch {
    return null;
  }
}

/** "3 prompts hidden, scrolling restored" */
function announcement(state) {
  if (!state) return "";
  const n = (state.hidden || []).length;
  if (!n) return t("announceNothing");
  const parts = [plural(n, "announceHiddenOne", "announceHiddenOther")];
  if ((state.fixes || []).includes("scroll-lock")) parts.push(t("announceScroll"));
  return parts.join(", ");
}

function render(settings, host, state) {
  $("site").textContent = host || t("popupCannotClean");
  $("site-toggle").checked = host ? enabledFor(settings, host) : false;
  $("site-toggle").disabled = !host;
  $("open-sidebar").disabled = !host;
  $("default-toggle").checked = settings.enabledByDefault;
  const list = $("counts");
  list.replaceChildren();
  const counts = (state && state.counts) || {};
  const labels = Object.keys(counts);
  if (!labels.length) {
    const li = document.createElement("li");
    li.textContent = t("nothingHidden");
    list.append(li);
  }
  for (const label of labels) {
    const li = document.createElement("li");
    li.textContent = `${labelName(label)}: ${counts[label]}`;
    list.append(li);
  }
}

/** Messages said so far: the delayed first announcement must not cover a later one. */
let said = 0;

function say(text, isError = false) {
  said++;
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

async function showResetNotice() {
  const notice = await takeResetNotice();
  if (!notice) return;
  $("notice").textContent = t(notice === "all" ? "settingsResetAll" : "settingsResetSome");
  $("notice").hidden = false;
}

async function main() {
  localize();
  let settings = await load();
  applyTheme(settings.theme);
  const tab = await targetTab();
  const state = tab ? await pageState(tab) : null;
  const host = state ? state.host : "";
  render(settings, host, state);
  await showResetNotice();
  // Set after first paint so screen readers announce it, unless a quick first click has
  // already said something (a failed save would be overwritten).
  const saidBefore = said;
  setTimeout(() => {
    if (said === saidBefore) say(announcement(state));
  }, 100);

  /** Reports a failed save and shows the stored settings again. */
  async function failed(err) {
    settings = await load();
    render(settings, host, await pageState(tab));
    say(t("couldNotSave", [err && err.message]), true);
  }

  $("site-toggle").addEventListener("change", async (e) => {
    const on = e.target.checked;
    try {
      settings = await update((s) => {
        s.sites[host] = on;
      });
    } catch (err) {
      await failed(err);
      return;
    }
    try {
      const res = await api.tabs.sendMessage(tab.id, { type: "set-enabled", enabled: on });
      const now = await pageState(tab);
      render(settings, host, now);
      say(`${t(on ? "statusOnSite" : "statusOffSite")}. ${announcement(now)}`);
      if (res && res.error) say(res.error, true);
    } catch (err) {
      say(String(err && err.message), true);
    }
  });
  $("default-toggle").addEventListener("change", async (e) => {
    try {
      settings = await update((s) => {
        s.enabledByDefault = e.target.checked;
      });
      say(t("saved"));
    } catch (err) {
      await failed(err);
    }
  });
  $("open-sidebar").addEventListener("click", async () => {
    try {
      await api.tabs.sendMessage(tab.id, { type: "open-sidebar" });
      if (!inTab) window.close();
    } catch (err) {
      say(String(err && err.message));
    }
  });
  $("open-options").addEventListener("click", () => {
    api.runtime.openOptionsPage();
    if (!inTab) window.close();
  });
}

main();
