// The bench pages: readability-test-pages/*/source.html and
// article-extraction-benchmark/html/*.html.gz, read (and gunzipped) in memory only. The corpus
// is read-only and its text never lands in the repo.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** Where the corpus is: $DECANT_CORPUS, else ../shared/corpus next to the repo. */
export function corpusDir(root) {
  return process.env.DECANT_CORPUS || join(root, "..", "shared", "corpus");
}

/** Lists the corpus files: [{ id, set, path }] in a stable order. */
export function listPages(dir) {
  const out = [];
  const rtp = join(dir, "readability-test-pages");
  if (existsSync(rtp)) {
    for (const name of readdirSync(rtp).sort()) {
      const path = join(rtp, name, "source.html");
      if (existsSync(path)) out.push({ id: `rtp/${name}`, set: "readability-test-pages", path });
    }
  }
  const aeb = join(dir, "article-extraction-benchmark", "html");
  if (existsSync(aeb)) {
    for (const name of readdirSync(aeb).sort()) {
      if (!name.endsWith(".html.gz")) continue;
      out.push({
        id: `aeb/${name.replace(/\.html\.gz$/, "")}`,
        set: "article-extraction-benchmark",
        path: join(aeb, name),
      });
    }
  }
  return out;
}

/** The page's HTML bytes (gunzipped when needed), with every `<base>` element removed. */
export function loadHtml(path) {
  let bytes = readFileSync(path);
  if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
  const html = bytes.toString("utf8").replace(/<base\b[^>]*>/gi, "");
  return Buffer.from(html, "utf8");
}

/**
 * The two sets interleaved in proportion (rtp, aeb, aeb, rtp, …), so that any prefix of the
 * list, e.g. when the time limit stops the bench early, is a spread sample of both.
 */
export function interleave(pages) {
  const a = pages.filter((p) => p.set === "readability-test-pages");
  const b = pages.filter((p) => p.set !== "readability-test-pages");
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Take from the set that is further behind its share.
    if (j >= b.length || (i < a.length && i / a.length <= j / b.length)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** Every `step`-th page (a deterministic subsample), or all when step is 1. */
export function subsample(pages, step) {
  return step <= 1 ? pages : pages.filter((_, i) => i % step === 0);
}
