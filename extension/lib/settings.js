// Settings in storage.sync, tolerant of failure: a read that fails or returns garbage gives
// the defaults; a write reports its error instead of swallowing it.
import { api } from "./compat.js";
import { parseLine, MAX_RULES } from "./rules.js";

export { rulesForHost } from "./rules.js";
import { THEMES } from "./theme.js";

export const DEFAULT_LABELS = ["paywall", "aggregator", "consent", "newsletter", "app-banner"];
export const ALL_LABELS = [...DEFAULT_LABELS, "related", "ad", "nav"];
export const LENGTHS = ["short", "medium", "long"];
export const EXPORT_FORMAT = "decant-settings";
const HOST = /^[a-z0-9.-]{1,253}$/i;

/** The settings a fresh install has. */
export function defaults() {
  return {
    version: 1,
    enabledByDefault: true,
    sites: {},
    labels: [...DEFAULT_LABELS],
    summaryLength: "medium",
    autoOpenSidebar: false,
    theme: "system",
    rules: [],
  };
}

/** Keeps only well-formed fields; anything else falls back to the default. */
export function sanitize(raw) {
  const d = defaults();
  if (!raw || typeof raw !== "object") return d;
  const out = d;
  if (typeof raw.enabledByDefault === "boolean") out.enabledByDefault = raw.enabledByDefault;
  if (raw.sites && typeof raw.sites === "object") {
    for (const [host, on] of Object.entries(raw.sites)) {
      if (typeof on === "boolean" && HOST.test(host)) out.sites[host.toLowerCase()] = on;
    }
  }
  if (Array.isArray(raw.labels)) out.labels = raw.labels.filter((l) => ALL_LABELS.includes(l));
  if (LENGTHS.includes(raw.summaryLength)) out.summaryLength = raw.summaryLength;
  if (typeof raw.autoOpenSidebar === "boolean") out.autoOpenSidebar = raw.autoOpenSidebar;
  if (THEMES.includes(raw.theme)) out.theme = raw.theme;
  if (Array.isArray(raw.rules)) {
    for (const line of raw.rules) {
      const r = typeof line === "string" ? parseLine(line) : null;
      if (r && !r.error && !out.rules.includes(r.text) && out.rules.length < MAX_RULES) {
        out.rules.push(r.text);
      }
    }
  }
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

/** Writes `settings` (sanitized); throws the storage error (e.g. over quota). */
export async function save(settings) {
  const clean = sanitize(settings);
  await api.storage.sync.set({ settings: clean });
  return clean;
}

/** Applies `change(settings)` to the freshest stored copy and writes it back. */
export async function update(change) {
  const current = await load();
  change(current);
  return save(current);
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

/** The export file's text. */
export function exportText(settings) {
  return JSON.stringify({ format: EXPORT_FORMAT, settings: sanitize(settings) }, null, 2) + "\n";
}

/**
 * Parses an export file strictly: throws an Error with a readable message when anything in
 * it is wrong (so that nothing is imported), returns the settings otherwise.
 */
export function parseImport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the file is not JSON");
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new Error("the file does not hold a settings object");
  }
  if (data.format !== EXPORT_FORMAT || !data.settings || typeof data.settings !== "object") {
    throw new Error(`the file is not a "${EXPORT_FORMAT}" export`);
  }
  const s = data.settings;
  const bad = (field, what) => {
    throw new Error(`"${field}" must be ${what}`);
  };
  const isBool = (v) => typeof v === "boolean";
  if ("enabledByDefault" in s && !isBool(s.enabledByDefault))
    bad("enabledByDefault", "true or false");
  if ("autoOpenSidebar" in s && !isBool(s.autoOpenSidebar)) bad("autoOpenSidebar", "true or false");
  if ("summaryLength" in s && !LENGTHS.includes(s.summaryLength)) {
    bad("summaryLength", LENGTHS.join(", "));
  }
  if ("theme" in s && !THEMES.includes(s.theme)) bad("theme", THEMES.join(", "));
  if ("sites" in s) {
    if (!s.sites || typeof s.sites !== "object" || Array.isArray(s.sites))
      bad("sites", "an object");
    for (const [host, on] of Object.entries(s.sites)) {
      if (!HOST.test(host) || !isBool(on)) bad(`sites.${host}`, "a host name set to true or false");
    }
  }
  if ("labels" in s) {
    if (!Array.isArray(s.labels)) bad("labels", "a list");
    const unknown = s.labels.find((l) => !ALL_LABELS.includes(l));
    if (unknown !== undefined) bad("labels", `among ${ALL_LABELS.join(", ")} (not "${unknown}")`);
  }
  if ("rules" in s) {
    if (!Array.isArray(s.rules)) bad("rules", "a list");
    s.rules.forEach((line, i) => {
      const r = typeof line === "string" ? parseLine(line) : { error: true };
      if (!r || r.error) bad(`rules[${i}]`, "a rule like example.com##.selector");
    });
  }
  return sanitize(s);
}
