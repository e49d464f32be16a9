// Replays a corpus (JSON Lines of {service, shape, mode, valid, document},
// written by `cargo test --test schema` with ECR_MODELS_CORPUS set; a shape
// `documents/<Name>` is a document its strings carry, as `cargo test --test
// documents` writes them with ECR_MODELS_DOCUMENT_CORPUS set) through
// ajv in 2020-12 mode with unicode regular expressions, and compares each
// verdict with the Rust one, each mode (default, strict, exact) against the
// schemas exported for it.
// Usage: node check.mjs CORPUS SCHEMAS STRICT_SCHEMAS EXACT_SCHEMAS
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const [corpus, defaultDir, strictDir, exactDir] = process.argv.slice(2);

function compileAll(dir) {
  const ajv = new Ajv2020({ unicodeRegExp: true, allowUnionTypes: true });
  const validators = new Map();
  // Each service's schemas, and those of the documents its strings carry
  // (`documents/<Name>`).
  for (const service of ["ecr", "ecr-public"]) {
    for (const folder of [service, `${service}/documents`]) {
      for (const file of readdirSync(join(dir, folder)).filter((f) => f.endsWith(".json"))) {
        const schema = JSON.parse(readFileSync(join(dir, folder, file), "utf8"));
        validators.set(`${folder}/${file.replace(/\.json$/, "")}`, ajv.compile(schema));
      }
    }
  }
  return validators;
}

const modes = {
  default: compileAll(defaultDir),
  strict: compileAll(strictDir),
  exact: compileAll(exactDir),
};
console.log(`compiled ${Object.values(modes).map((m) => m.size).join(" + ")} schemas`);
let passed = 0;
let failed = 0;
for (const line of readFileSync(corpus, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  const validate = modes[c.mode].get(`${c.service}/${c.shape}`);
  const verdict = validate(c.document);
  if (verdict === c.valid) {
    passed++;
  } else {
    failed++;
    if (failed <= 10) {
      console.log(`DIFFERS ${c.service} ${c.shape} mode=${c.mode}: rust ${c.valid}, ajv ${verdict}`);
      console.log(`  ${JSON.stringify(validate.errors)}\n  ${JSON.stringify(c.document).slice(0, 400)}`);
    }
  }
}
console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
