// Settings in storage.sync, tolerant of failure: a read that fails or returns garbage gives
// the defaults; a write reports its error instead of swallowing it.
import { api } from "./compat.js";

export const DEFAULT_LABELS = ["paywall", "aggregator", "consent", "newsletter", "app-banner"];
export const ALL_LABELS = [...DEFAULT_LABELS, "related", "ad", "nav"];

/** The settings a fresh install has. */
export function defaults() {
  return { version: 1, enabledByDefault: true, sites: {}, labels: [...DEFAULT_LABELS] };
}

/** Keeps only well-formed fields; anything else falls back to the default. */
export function sanitize(raw) {
  const d = defaults();
  if (!raw || typeof raw !== "object") return d;
  const out = d;
  if (typeof raw.enabledByDefault === "boolean") out.enabledByDefault = raw.enabledByDefault;
  if (raw.sites && typeof raw.sites === "object") {
    for (const [host, on] of Object.entries(raw.sites)) {
      if (typeof on === "boolean" && /^[a-z0-9.-]{1,253}$/i.test(host)) out.sites[host] = on;
    }
  }
  if (Array.isArray(raw.labels)) out.labels = raw.labels.filter((l) => ALL_LABELS.includes(l));
  return out;
}

/** Reads the settings; never throws. */
export async function load() {
  try {
    const got = await api.storage.sync.get("settings");
    return sanitize(got && got.settings);
  } catch {
    return defaults();
  }
}

/** Applies `change(settings)` to the freshest stored copy and writes it back. */
export async function update(change) {
  const current = await load();
  change(current);
  await api.storage.sync.set({ settings: current });
  return current;
}

/** Whether cleanup is on for `host`: the most specific site entry wins, then the default. */
export function enabledFor(settings, host) {
  const parts = String(host || "")
    .toLowerCase()
    .split(".");
  for (let i = 0; i < parts.length - 1; i++) {
    const h = parts.slice(i).join(".");
    if (h in settings.sites) return settings.sites[h];
  }
  return settings.enabledByDefault;
}
