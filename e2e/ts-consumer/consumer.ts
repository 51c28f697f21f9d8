// Type-checks pkg/index.d.ts as a user's code would use it (`tsc --noEmit`, run by make test).
import {
  init,
  analyzeDocument,
  analyzeHtml,
  cleanup,
  DecantError,
  DEFAULT_LABELS,
  type Analysis,
  type Block,
  type Label,
} from "../../pkg/index.js";

export async function run(doc: Document): Promise<number> {
  await init();
  await init(new URL("decant_wasm_bg.wasm", import.meta.url));
  const analysis: Analysis = analyzeDocument(doc, { labels: ["paywall"] });
  const paywalls: Block[] = analysis.blocks.filter((b) => b.label === "paywall");
  const title: string | null | undefined = analysis.article?.title;
  const fromHtml = analyzeHtml("<p>Hello</p>");
  const handle = cleanup(doc, { labels: [...DEFAULT_LABELS] as Label[] });
  handle.observe();
  handle.show(handle.hidden[0]);
  handle.undo();
  try {
    analyzeHtml("<p>x</p>");
  } catch (e) {
    if (e instanceof DecantError && e.code === "not-initialized") return -1;
  }
  return paywalls.length + fromHtml.blocks.length + (title ? 1 : 0);
}
