// Service worker / background script: the keyboard command and the toolbar badge.
import { api } from "./lib/compat.js";

api.commands.onCommand.addListener(async (command) => {
  if (command !== "toggle-cleanup") return;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab && tab.id !== undefined) {
    api.tabs.sendMessage(tab.id, { type: "toggle" }).catch(() => {});
  }
});

api.runtime.onMessage.addListener((msg, sender) => {
  if (msg && msg.type === "hidden-count" && sender.tab && sender.tab.id !== undefined) {
    const text = msg.count > 0 ? String(Math.min(msg.count, 99)) : "";
    api.action.setBadgeText({ tabId: sender.tab.id, text }).catch(() => {});
  }
  return false;
});
