// Custom rules, one a line: `example.com##.selector` hides matching elements on example.com and
// its subdomains. Pure functions, shared by the options page (validation) and the content
// script (matching).

const DOMAIN =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
export const MAX_RULES = 200;

/** One line → `{domain, selector, text}` or `{error: key, subs}`; null for blanks and comments. */
export function parseLine(line, check = null) {
  const raw = String(line).trim();
  if (!raw || raw.startsWith("!")) return null;
  const at = raw.indexOf("##");
  if (at < 0) return { error: "ruleBadFormat", subs: [] };
  const domain = raw.slice(0, at).trim().toLowerCase();
  const selector = raw.slice(at + 2).trim();
  if (!DOMAIN.test(domain)) return { error: "ruleBadDomain", subs: [domain] };
  if (!selector) return { error: "ruleEmptySelector", subs: [] };
  if (check && !check(selector)) return { error: "ruleBadSelector", subs: [selector] };
  return { domain, selector, text: `${domain}##${selector}` };
}

/** Whether `document.querySelector` accepts `selector`. */
export function validSelector(selector, doc = globalThis.document) {
  if (!doc) return true;
  try {
    doc.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a block of rules. `errors` are `{line, key, subs}` with `subs[0]` the line number,
 * ready for `t(key, subs)`.
 */
export function parseRules(text, check = validSelector) {
  const rules = [];
  const errors = [];
  String(text)
    .split(/\r?\n/)
    .forEach((line, i) => {
      const r = parseLine(line, check);
      if (!r) return;
      if (r.error) errors.push({ line: i + 1, key: r.error, subs: [i + 1, ...r.subs] });
      else if (!rules.some((x) => x.text === r.text)) rules.push(r);
    });
  return { rules, errors };
}

/** The rules (stored strings) that apply on `host`. */
export function rulesForHost(lines, host) {
  const h = String(host || "").toLowerCase();
  const out = [];
  for (const line of lines || []) {
    const r = parseLine(line);
    if (r && !r.error && (h === r.domain || h.endsWith(`.${r.domain}`))) out.push(r);
  }
  return out;
}
