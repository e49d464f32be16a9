// Replays a corpus (JSON Lines of {service, shape, strict, valid, document},
// written by `cargo test --test schema` with ECR_MODELS_CORPUS set) through
// ajv in 2020-12 mode with unicode regular expressions, and compares each
// verdict with the Rust one. Usage: node check.mjs CORPUS SCHEMAS STRICT_SCHEMAS
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const [corpus, defaultDir, strictDir] = process.argv.slice(2);

function compileAll(dir) {
  const ajv = new Ajv2020({ unicodeRegExp: true, allowUnionTypes: true });
  const validators = new Map();
  for (const service of ["ecr", "ecr-public"]) {
    for (const file of readdirSync(join(dir, service))) {
      const schema = JSON.parse(readFileSync(join(dir, service, file), "utf8"));
      validators.set(`${service}/${file.replace(/\.json$/, "")}`, ajv.compile(schema));
    }
  }
  return validators;
}

const modes = { false: compileAll(defaultDir), true: compileAll(strictDir) };
console.log(`compiled ${modes.false.size} + ${modes.true.size} schemas`);
let passed = 0;
let failed = 0;
for (const line of readFileSync(corpus, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  const validate = modes[c.strict].get(`${c.service}/${c.shape}`);
  const verdict = validate(c.document);
  if (verdict === c.valid) {
    passed++;
  } else {
    failed++;
    if (failed <= 10) {
      console.log(`DIFFERS ${c.service} ${c.shape} strict=${c.strict}: rust ${c.valid}, ajv ${verdict}`);
      console.log(`  ${JSON.stringify(validate.errors)}\n  ${JSON.stringify(c.document).slice(0, 400)}`);
    }
  }
}
console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
