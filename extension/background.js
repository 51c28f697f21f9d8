// Service worker / background script: the keyboard commands, the toolbar badge, the analysis
// of pages whose CSP keeps the content script from compiling WASM, and the move of the
// settings to their per-key layout when the extension is installed or updated. It answers
// only messages from the extension itself (pages get no extension API: no
// externally_connectable).
import { api } from "./lib/compat.js";
import { load } from "./lib/settings.js";
import initCore, { Snapshot } from "./core/decant_wasm.js";

let coreReady = null;
const pending = new Map();
let nextToken = 1;

function core() {
  coreReady ??= initCore({ module_or_path: api.runtime.getURL("core/decant_wasm_bg.wasm") });
  return coreReady;
}

async function analyzeSnapshot(msg) {
  await core();
  if (msg.type === "snapshot") {
    const snap = new Snapshot(msg);
    const token = nextToken++;
    pending.set(token, snap);
    // A content script that never comes back must not leak the snapshot.
    setTimeout(() => {
      const stale = pending.get(token);
      if (stale) {
        pending.delete(token);
        stale.free();
      }
    }, 30000);
    return { token, probes: Array.from(snap.probes()) };
  }
  const snap = pending.get(msg.token);
  if (!snap) return { error: "snapshot expired" };
  pending.delete(msg.token);
  try {
    snap.setStyles(msg.styles);
    return { analysis: snap.analyze() };
  } finally {
    snap.free();
  }
}

// load() migrates the old single-object settings and repairs unreadable ones (with a notice).
api.runtime.onInstalled.addListener(() => {
  load();
});

const COMMANDS = { "toggle-cleanup": "toggle", "open-sidebar": "open-sidebar" };

api.commands.onCommand.addListener(async (command) => {
  const type = COMMANDS[command];
  if (!type) return;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab && tab.id !== undefined) {
    api.tabs.sendMessage(tab.id, { type }).catch(() => {});
  }
});

api.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!msg || typeof msg.type !== "string" || sender.id !== api.runtime.id) return false;
  if (msg.type === "hidden-count" && sender.tab && sender.tab.id !== undefined) {
    const text = msg.count > 0 ? String(Math.min(msg.count, 99)) : "";
    api.action.setBadgeText({ tabId: sender.tab.id, text }).catch(() => {});
    return false;
  }
  if (msg.type === "snapshot" || msg.type === "styles") {
    analyzeSnapshot(msg).then(reply, (e) => reply({ error: String(e && e.message) }));
    return true;
  }
  return false;
});
