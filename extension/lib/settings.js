// Settings in storage.sync, tolerant of failure: a read that fails gives the defaults; a
// stored value that cannot be read is reset to its default, repaired in storage and reported
// once (takeResetNotice); a write reports its error instead of swallowing it. Each write
// touches only the items it changes (see settings-layout.js), so concurrent changes from
// several tabs are all kept.
import { api } from "./compat.js";
import { parseLine, MAX_RULES } from "./rules.js";
import {
  LEGACY_KEY,
  SITE_PREFIX,
  QUOTA_BYTES_PER_ITEM,
  MAX_SITES,
  toItems,
  fromItems,
  itemBytes,
  diffItems,
  isSettingsKey,
} from "./settings-layout.js";

export { rulesForHost } from "./rules.js";
export { MAX_SITES } from "./settings-layout.js";
import { THEMES } from "./theme.js";

export const DEFAULT_LABELS = ["paywall", "aggregator", "consent", "newsletter", "app-banner"];
export const ALL_LABELS = [...DEFAULT_LABELS, "related", "ad", "nav"];
export const LENGTHS = ["short", "medium", "long"];
export const EXPORT_FORMAT = "decant-settings";
/** storage.local key of the notice that unreadable settings were reset: "all" or "some". */
export const NOTICE_KEY = "settingsReset";
const HOST = /^[a-z0-9.-]{1,253}$/i;
const FIELDS = [
  "enabledByDefault",
  "sites",
  "labels",
  "summaryLength",
  "autoOpenSidebar",
  "theme",
  "rules",
];

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
  if (Array.isArray(raw.labels)) out.labels = ALL_LABELS.filter((l) => raw.labels.includes(l));
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

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (v) => (Array.isArray(v) ? [...v].sort() : v);

/**
 * The settings that stored `items` hold, with the names of the fields that could not be read
 * as stored. An old single object that is not an object or exceeds an item's quota is
 * dropped: the per-key items are read instead, and when there are none, the problem is "all".
 */
function readItems(items) {
  const legacy = LEGACY_KEY in items;
  let raw;
  let broken = new Set();
  if (legacy) {
    raw = items[LEGACY_KEY];
    const plain = raw && typeof raw === "object" && !Array.isArray(raw);
    if (!plain || itemBytes(LEGACY_KEY, raw) > QUOTA_BYTES_PER_ITEM) {
      const rest = { ...items };
      delete rest[LEGACY_KEY];
      const kept = readItems(rest);
      const any = Object.keys(rest).some(isSettingsKey);
      return { ...kept, problems: [any ? LEGACY_KEY : "all", ...kept.problems], legacy };
    }
  } else {
    ({ raw, broken } = fromItems(items, DEFAULT_LABELS));
  }
  const settings = sanitize(raw);
  const problems = FIELDS.filter(
    (f) => broken.has(f) || (f in raw && !same(sorted(raw[f]), sorted(settings[f]))),
  );
  const hosts = Object.keys(settings.sites);
  if (legacy && hosts.length > MAX_SITES) {
    // The old object could hold more sites than fit in separate items: keep the first ones.
    for (const host of hosts.slice(MAX_SITES)) delete settings.sites[host];
    problems.push("sites");
  }
  return { settings, problems, legacy };
}

/**
 * Rewrites stored `items` as `settings` in the per-key layout: the old single object is
 * replaced by all the items, unreadable items by their repaired values (or removed).
 */
async function repair(items, settings, legacy) {
  const all = toItems(settings, ALL_LABELS);
  const wanted = legacy ? all : {};
  if (!legacy) {
    for (const [key, value] of Object.entries(all)) {
      if (key in items || key.startsWith(SITE_PREFIX)) wanted[key] = value;
    }
  }
  const { set, remove } = diffItems(items, wanted);
  await write(set, remove);
}

/** Records that unreadable settings were reset, for the popup or options page to show once. */
async function recordNotice(problems) {
  try {
    await api.storage.local.set({ [NOTICE_KEY]: problems.includes("all") ? "all" : "some" });
  } catch {
    // Nothing more to do: the settings themselves are already usable.
  }
}

/**
 * Reads the settings; never throws. Migrates the old single-object layout and repairs
 * unreadable values (resetting them to their defaults, with a notice), once.
 */
export async function load() {
  let items;
  try {
    items = (await api.storage.sync.get(null)) || {};
  } catch {
    return defaults();
  }
  const { settings, problems, legacy } = readItems(items);
  if (problems.length) await recordNotice(problems);
  if (legacy || problems.length) {
    try {
      await repair(items, settings, legacy);
    } catch {
      // The next load tries again; until then the settings read the same.
    }
  }
  return settings;
}

/** The notice recorded by load() ("all" or "some"), or null; cleared, so it shows once. */
export async function takeResetNotice() {
  try {
    const got = await api.storage.local.get(NOTICE_KEY);
    const notice = got && got[NOTICE_KEY];
    if (!notice) return null;
    await api.storage.local.remove(NOTICE_KEY);
    return notice === "all" ? "all" : "some";
  } catch {
    return null;
  }
}

/** Throws a readable Error when writing `set` would pass a storage.sync limit we can foresee. */
function checkLimits(before, after, set) {
  const added = Object.keys(set).some((k) => k.startsWith(SITE_PREFIX) && !(k in before));
  const sites = Object.keys(after.sites).length;
  if (added && sites > MAX_SITES) {
    throw new Error(`Decant remembers at most ${MAX_SITES} sites; remove some in the options`);
  }
  if ("rules" in set) {
    const bytes = itemBytes("rules", set.rules);
    if (bytes > QUOTA_BYTES_PER_ITEM) {
      throw new Error(
        `the custom rules take ${bytes} bytes, more than the ${QUOTA_BYTES_PER_ITEM} a synced item may hold`,
      );
    }
  }
}

/** Writes `set` and removes `remove`; a quota error is rethrown with a readable message. */
async function write(set, remove) {
  try {
    if (Object.keys(set).length) await api.storage.sync.set(set);
    if (remove.length) await api.storage.sync.remove(remove);
  } catch (err) {
    const message = String((err && err.message) || err);
    if (!/quota/i.test(message)) throw err;
    throw new Error(`the browser's limit for synced settings was reached (${message})`, {
      cause: err,
    });
  }
}

/**
 * Applies `change(settings)` to the freshest stored copy and writes only the items it
 * changed; returns the new settings. Throws the storage error (e.g. over quota), or a limit
 * error before writing anything.
 */
export async function update(change) {
  const current = await load();
  const next = structuredClone(current);
  change(next);
  const clean = sanitize(next);
  const before = toItems(current, ALL_LABELS);
  const { set, remove } = diffItems(before, toItems(clean, ALL_LABELS));
  checkLimits(before, clean, set);
  await write(set, remove);
  return clean;
}

/** Replaces all the settings with `settings` (sanitized), writing only what differs. */
export async function save(settings) {
  const clean = sanitize(settings);
  return update((s) => Object.assign(s, clean));
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
  if ("sites" in s && Object.keys(s.sites).length > MAX_SITES) {
    bad("sites", `at most ${MAX_SITES} sites`);
  }
  if ("rules" in s) {
    if (!Array.isArray(s.rules)) bad("rules", "a list");
    if (s.rules.length > MAX_RULES) bad("rules", `at most ${MAX_RULES} rules`);
    s.rules.forEach((line, i) => {
      const r = typeof line === "string" ? parseLine(line) : { error: true };
      if (!r || r.error) bad(`rules[${i}]`, "a rule like example.com##.selector");
    });
  }
  return sanitize(s);
}
