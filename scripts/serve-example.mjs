// Serves the repository on 127.0.0.1 for examples/web (make serve-example).
import { serve } from "../e2e/helpers.mjs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 8080);
const { base } = await serve(root, () => ({}), port);
console.log(`Decant example: ${base}/examples/web/index.html (Ctrl-C to stop)`);
