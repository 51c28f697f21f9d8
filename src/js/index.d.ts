/** Every label the core can give. */
export type Label =
  | "article"
  | "paywall"
  | "aggregator"
  | "consent"
  | "newsletter"
  | "app-banner"
  | "related"
  | "ad"
  | "nav";

/** Stable reason codes. */
export type ReasonCode =
  | "phrase"
  | "vendor_token"
  | "class_token"
  | "landmark"
  | "fixed_position"
  | "covers_viewport"
  | "high_z_index"
  | "dialog_role"
  | "backdrop"
  | "fade"
  | "email_form"
  | "call_to_action"
  | "link_dense"
  | "inside_article"
  | "short_text"
  | "next_article"
  | "article_score";

/** One piece of evidence. */
export interface Reason {
  code: ReasonCode;
  /** A short human phrase. */
  detail: string;
}

/** A flagged block. */
export interface Block {
  /** Node id in the analysed snapshot. */
  node: number;
  label: Label;
  /** 0..1 */
  confidence: number;
  reasons: Reason[];
  /** The reasons as one sentence. */
  message: string;
  /** A CSS path to the element. */
  path: string;
  /** The start of the block's text. */
  preview: string;
  /** The element itself. */
  element: Element | null;
}

/** A change to an element that stays visible. */
export interface Fix {
  node: number;
  kind: "scroll-lock" | "blur" | "no-select" | "height-clip";
  path: string;
  classes: string[];
  detail: string;
  element: Element | null;
}

/** What the page says about itself (JSON-LD, Open Graph, meta tags, visible bylines). */
export interface Metadata {
  /** Headline, with the site's suffix removed. */
  title: string | null;
  /** Authors, joined with ", " (a wire credit counts). */
  byline: string | null;
  /** ISO 8601, as precise as the page says. */
  published: string | null;
  modified: string | null;
  /** The site the page is on. */
  site_name: string | null;
  /** On aggregator pages: the outlet whose story it is. */
  source: string | null;
  lang: string | null;
  dir: string | null;
  /** Canonical URL. */
  url: string | null;
  /** Lead image URL. */
  image: string | null;
  excerpt: string | null;
}

/** The article found on the page (its metadata fields included). */
export interface Article extends Metadata {
  node: number;
  path: string;
  /**
   * The article's text, paragraphs separated by blank lines: its standfirst (when the page's
   * description names it), the body, without the page's boilerplate (closing boxes, credits,
   * calls to action, disclosures).
   */
  article_text: string;
  /** The same content as a clean, safe HTML fragment (no scripts, handlers or inline styles). */
  article_html: string;
  word_count: number;
  reading_minutes: number;
  element: Element | null;
}

/** One key point: a sentence of the article, with where it comes from. */
export interface Point {
  text: string;
  /** Index of its paragraph in `article_text` (paragraphs separated by blank lines). */
  paragraph: number;
  /** Index of its sentence over the whole article. */
  sentence: number;
}

/** The on-device summary. */
export interface Summary {
  /** ISO 639-1 code of the language summarised. */
  lang: string;
  /** One sentence. */
  tldr: Point | null;
  /** Key points in article order. */
  points: Point[];
  word_count: number;
  reading_minutes: number;
  people: string[];
  places: string[];
  organisations: string[];
}

/** What `analyzeDocument` and `analyzeHtml` return. */
export interface Analysis {
  /** `null` when the page is not an article. */
  article: Article | null;
  /** The page's metadata, also when it is not an article. */
  metadata: Metadata;
  /** `null` when the page is not an article. */
  summary: Summary | null;
  blocks: Block[];
  fixes: Fix[];
}

/** Options of the analysis calls. */
export interface Options {
  /**
   * Labels `cleanup` acts on (default: DEFAULT_LABELS); lower-case names of your own are
   * allowed for blocks you pass to `handle.apply()`.
   */
  labels?: (Label | (string & {}))[];
  /** Summary length. */
  length?: "short" | "medium" | "long" | "auto";
  /** Language hint, ISO 639-1. */
  lang?: string;
  /** `false` skips the summary (`analysis.summary` is then `null`); default `true`. */
  summary?: boolean;
  /** `observe()`: milliseconds to wait for more added nodes before analysing (default 50). */
  debounceMs?: number;
  /** `observe()`: the share of wall time its analysis may use, 0..1 (default 0.1). */
  cpuShare?: number;
}

/** The handle `cleanup` returns. */
export interface CleanupHandle {
  analysis: Analysis;
  /** Blocks currently hidden. */
  hidden: Block[];
  /** Fixes applied. */
  fixes: Fix[];
  /** Applies a further analysis to the page. */
  apply(analysis: Analysis): void;
  /** Shows one hidden block again and keeps it shown. */
  show(block: Block): void;
  /** Analyses nodes added to the page from now on (MutationObserver). */
  observe(): void;
  /** Stops observing. */
  disconnect(): void;
  /** Restores exactly what was there. */
  undo(): void;
}

/** An error with a stable code. */
export class DecantError extends Error {
  code: "bad-argument" | "not-initialized" | "detached" | "internal" | "init-failed";
}

/** Every label. */
export const LABELS: readonly Label[];
/** Labels hidden by default. */
export const DEFAULT_LABELS: readonly Label[];

/** Loads the WASM core; idempotent. */
export function init(
  input?: string | URL | Response | ArrayBuffer | WebAssembly.Module,
): Promise<void>;
/** Analyses a live document. */
export function analyzeDocument(doc?: Document, options?: Options): Analysis;
/** Analyses an HTML string via DOMParser. */
export function analyzeHtml(html: string, options?: Options): Analysis;
/** Summarises plain text (paragraphs separated by blank lines). */
export function summarize(text: string, options?: Options): Summary;
/** Hides the clutter reversibly. */
export function cleanup(doc?: Document, options?: Options): CleanupHandle;
/**
 * Applies an analysis computed elsewhere (blocks and fixes carrying elements of `doc`). The
 * handle's `observe()` throws; pass later analyses to `apply`.
 */
export function applyAnalysis(
  doc: Document,
  analysis: Analysis,
  options?: Options,
): CleanupHandle & { apply(analysis: Analysis): void };
