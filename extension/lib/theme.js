// The theme setting (system / light / dark) as a data attribute the shared stylesheet reads.
export const THEMES = ["system", "light", "dark"];

export function applyTheme(theme, root = document.documentElement) {
  root.dataset.theme = THEMES.includes(theme) ? theme : "system";
}
