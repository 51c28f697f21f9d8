// Builds the loadable extensions dist/chrome and dist/firefox (and their zip files) from
// extension/ and pkg/. One source tree; the manifests differ only where the browsers do.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "extension");
const manifest = JSON.parse(readFileSync(join(src, "manifest.json"), "utf8"));

const variants = {
  chrome(m) {
    delete m.browser_specific_settings;
    delete m.background.scripts;
    return m;
  },
  firefox(m) {
    delete m.background.service_worker;
    return m;
  },
};

for (const [name, adapt] of Object.entries(variants)) {
  const out = join(root, "dist", name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(src, out, { recursive: true });
  mkdirSync(join(out, "core"), { recursive: true });
  for (const f of ["index.js", "walk.js", "decant_wasm.js", "decant_wasm_bg.wasm"]) {
    cpSync(join(root, "pkg", f), join(out, "core", f));
  }
  const m = adapt(structuredClone(manifest));
  writeFileSync(join(out, "manifest.json"), JSON.stringify(m, null, 2) + "\n");
  const zip = join(root, "dist", `decant-${name}.zip`);
  rmSync(zip, { force: true });
  execFileSync("python3", ["-m", "zipfile", "-c", zip, ...listTop(out)], { cwd: out });
  console.log(`dist/${name}/ and dist/decant-${name}.zip`);
}

function listTop(dir) {
  return execFileSync("ls", ["-A", dir], { encoding: "utf8" }).trim().split("\n");
}
