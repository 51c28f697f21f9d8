// How the settings object maps onto storage.sync items, one item per independent choice, so
// that a write touches only what it changes and two tabs changing different things never
// overwrite each other:
//   enabledByDefault, autoOpenSidebar, summaryLength, theme  one item each (the value)
//   rules                                                    one item (the list of rule lines)
//   label:<name>                                             true or false, one per block label
//   site:<host>                                              true or false, one per site
// "settings" is the old layout (the whole object in one item): still read, then replaced.
// Pure functions; the storage calls are in settings.js.

export const LEGACY_KEY = "settings";
export const SITE_PREFIX = "site:";
export const LABEL_PREFIX = "label:";
export const SCALAR_KEYS = [
  "enabledByDefault",
  "autoOpenSidebar",
  "summaryLength",
  "theme",
  "rules",
];

/** storage.sync's own limits (the same in Chromium and Firefox). */
export const QUOTA_BYTES_PER_ITEM = 8192;
export const MAX_ITEMS = 512;
/**
 * Sites remembered at most: MAX_ITEMS less the scalar and label items, the legacy item while
 * it is migrated, and a margin for items a later version may add.
 */
export const MAX_SITES = 480;

/** Whether storage key `key` belongs to the settings (other keys are left alone). */
export function isSettingsKey(key) {
  return (
    key === LEGACY_KEY ||
    SCALAR_KEYS.includes(key) ||
    key.startsWith(SITE_PREFIX) ||
    key.startsWith(LABEL_PREFIX)
  );
}

/** The items of a (sanitized) settings object: every key it defines, with its value. */
export function toItems(settings, allLabels) {
  const items = {};
  for (const key of SCALAR_KEYS) items[key] = settings[key];
  for (const label of allLabels) items[LABEL_PREFIX + label] = settings.labels.includes(label);
  for (const [host, on] of Object.entries(settings.sites)) items[SITE_PREFIX + host] = on;
  return items;
}

/**
 * The raw (unchecked) settings object that the per-key items describe, for sanitize() to
 * check; absent items are absent fields. `broken` names the fields with an item of the wrong
 * type (a label or site that is not true or false), which sanitize() cannot see.
 */
export function fromItems(items, defaultLabels) {
  const raw = { sites: {} };
  const broken = new Set();
  const labels = new Set(defaultLabels);
  let labelItems = false;
  for (const [key, value] of Object.entries(items)) {
    if (SCALAR_KEYS.includes(key)) raw[key] = value;
    else if (key.startsWith(SITE_PREFIX)) {
      if (typeof value === "boolean") raw.sites[key.slice(SITE_PREFIX.length)] = value;
      else broken.add("sites");
    } else if (key.startsWith(LABEL_PREFIX)) {
      labelItems = true;
      const label = key.slice(LABEL_PREFIX.length);
      if (value === true) labels.add(label);
      else if (value === false) labels.delete(label);
      else broken.add("labels");
    }
  }
  if (labelItems) raw.labels = [...labels];
  return { raw, broken };
}

/** The bytes storage.sync counts for one item: the key and the value's JSON, in UTF-8. */
export function itemBytes(key, value) {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The writes that turn `stored` items into `wanted` items: `set` holds the items whose value
 * differs (or that are new), `remove` the settings keys of `stored` that `wanted` lacks.
 */
export function diffItems(stored, wanted) {
  const set = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!(key in stored) || !same(stored[key], value)) set[key] = value;
  }
  const remove = Object.keys(stored).filter((key) => isSettingsKey(key) && !(key in wanted));
  return { set, remove };
}
