// Toolbar popup: this site's toggle, the global default, and what was hidden here.
import { api } from "./lib/compat.js";
import { load, update, enabledFor } from "./lib/settings.js";

const $ = (id) => document.getElementById(id);

async function activeTab() {
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

function render(settings, host, state) {
  $("site").textContent = host || "This page cannot be cleaned";
  $("site-toggle").checked = host ? enabledFor(settings, host) : false;
  $("site-toggle").disabled = !host;
  $("default-toggle").checked = settings.enabledByDefault;
  const list = $("counts");
  list.replaceChildren();
  const counts = (state && state.counts) || {};
  const labels = Object.keys(counts);
  if (!labels.length) {
    const li = document.createElement("li");
    li.textContent = "Nothing";
    list.append(li);
  }
  for (const label of labels) {
    const li = document.createElement("li");
    li.textContent = `${label}: ${counts[label]}`;
    list.append(li);
  }
}

async function main() {
  const tab = await activeTab();
  let settings = await load();
  const state = tab ? await pageState(tab) : null;
  const host = state ? state.host : "";
  render(settings, host, state);

  $("site-toggle").addEventListener("change", async (e) => {
    const on = e.target.checked;
    try {
      settings = await update((s) => {
        s.sites[host] = on;
      });
      const res = await api.tabs.sendMessage(tab.id, { type: "set-enabled", enabled: on });
      render(settings, host, await pageState(tab));
      $("status").textContent = on ? "Cleanup on for this site" : "Cleanup off for this site";
      if (res && res.error) $("status").textContent = res.error;
    } catch (err) {
      $("status").textContent = `Could not save: ${err && err.message}`;
    }
  });
  $("default-toggle").addEventListener("change", async (e) => {
    try {
      settings = await update((s) => {
        s.enabledByDefault = e.target.checked;
      });
    } catch (err) {
      $("status").textContent = `Could not save: ${err && err.message}`;
    }
  });
}

main();
