// Generated pages for the scaling and memory benches: a deterministic, realistic mix of
// elements (nested divs and sections, paragraphs with text and inline links, headings, lists
// of links, figures, related-content cards, a nav and a footer) with exactly `n` elements.

const WORDS = (
  "the council said on tuesday that its plan for new housing near the river would go ahead " +
  "after a long review of costs traffic schools and parks residents asked for more time while " +
  "officials argued the project will bring jobs and homes to families who need them most " +
  "critics warned about flooding noise and the loss of green space in a growing city"
).split(" ");

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns `{ html, elements }`: an HTML page with exactly `n` elements (n ≥ 50). */
export function generatePage(n, seed = 42) {
  const rand = rng(seed + n);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const words = (k) => {
    const out = [];
    for (let i = 0; i < k; i++) out.push(pick(WORDS));
    return out.join(" ");
  };
  let count = 0;
  const el = (tag, attrs, inner) => {
    count++;
    return `<${tag}${attrs ? " " + attrs : ""}>${inner}</${tag}>`;
  };
  const link = (text) => el("a", `href="/story/${Math.floor(rand() * 1e6)}"`, text);
  const paragraph = () => {
    let s = "";
    const parts = 2 + Math.floor(rand() * 4);
    for (let i = 0; i < parts; i++) {
      s += words(8 + Math.floor(rand() * 20)) + " ";
      const r = rand();
      if (r < 0.3) s += link(words(3)) + " ";
      else if (r < 0.4) s += el("em", "", words(2)) + " ";
    }
    return el("p", "", s.trim() + ".");
  };
  const list = () => {
    let s = "";
    const k = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < k; i++) s += el("li", "", link(words(4)));
    return el("ul", 'class="links"', s);
  };
  const figure = () =>
    el(
      "figure",
      "",
      el("img", `src="data:," alt="${words(3)}" width="640" height="360"`, "").replace(
        "></img>",
        ">",
      ) + el("figcaption", "", words(8)),
    );
  const card = () =>
    el("div", 'class="card"', link(el("h3", "", words(6))) + el("p", "", words(14)));
  const chunk = () => {
    const r = rand();
    if (r < 0.45) return paragraph();
    if (r < 0.55) return el("h2", "", words(5));
    if (r < 0.7) return list();
    if (r < 0.77) return figure();
    if (r < 0.9) return card();
    return el("div", 'class="wrap"', el("div", 'class="inner"', paragraph()));
  };

  // Fixed frame: html, head, meta, title, body, header, nav, main, article, h1, aside, footer.
  count += 12;
  const nav = list();
  const h1 = words(7);
  const article = [];
  const aside = [];
  const footer = [];
  let section = [];
  // Leave room to close with spans so the total is exact.
  while (count < n - 12) {
    const r = rand();
    const c = chunk();
    if (r < 0.65) {
      section.push(c);
      if (section.length >= 20) {
        article.push(el("section", "", section.join("")));
        section = [];
      }
    } else if (r < 0.9) aside.push(c);
    else footer.push(c);
  }
  if (section.length) article.push(el("section", "", section.join("")));
  while (count < n) footer.push(el("span", "", words(2)));
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h1}</title></head>` +
    `<body><header><nav>${nav}</nav></header><main><article><h1>${h1}</h1>${article.join("")}` +
    `</article><aside>${aside.join("")}</aside></main><footer>${footer.join("")}</footer></body></html>`;
  return { html, elements: count };
}
