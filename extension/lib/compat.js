// The one browser-compat shim: Firefox has `browser` (promises), Chromium has `chrome`
// (promises in MV3 too). Every module takes the API from here.
export const api = globalThis.browser ?? globalThis.chrome;
