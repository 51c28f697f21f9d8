// UI strings from _locales through the browser's i18n API (all pages share it).
import { api } from "./compat.js";

/** The message `key` with its substitutions; the key itself when missing. */
export function t(key, subs) {
  try {
    const list = subs === undefined ? undefined : [].concat(subs).map(String);
    return api.i18n.getMessage(key, list) || key;
  } catch {
    return key;
  }
}

/** The browser's UI language (a BCP 47 tag). */
export function uiLang() {
  try {
    return api.i18n.getUILanguage() || navigator.language || "en";
  } catch {
    return navigator.language || "en";
  }
}

/** A block label's translated name ("app-banner" → "App banner"). */
export function labelName(label) {
  const key = `label_${String(label).replace(/-/g, "_")}`;
  const name = t(key);
  return name === key ? String(label) : name;
}

/** "3 prompts hidden" with the UI language's plural rule. */
export function plural(n, oneKey, otherKey) {
  let one = n === 1;
  try {
    one = new Intl.PluralRules(uiLang()).select(n) === "one";
  } catch {
    // keep the English rule
  }
  return t(one ? oneKey : otherKey, [n]);
}

/** Fills `data-i18n` (text) and `data-i18n-<attr>` (attributes) under `root`. */
export function localize(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const attr of ["aria-label", "placeholder", "title"]) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
    }
  }
  const locale = t("@@ui_locale");
  document.documentElement.lang =
    locale && locale !== "@@ui_locale" ? locale.replace("_", "-") : "en";
  const dir = t("@@bidi_dir");
  document.documentElement.dir = dir === "rtl" ? "rtl" : "ltr";
}
