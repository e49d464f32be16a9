// ajv (2020-12) on a JSON Lines stream of DescribeImages responses, with
// the exported schema: JSON.parse plus validation, MB/s.
// Usage: node ajv_bench.mjs FILE SCHEMA
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [file, schemaPath] = process.argv.slice(2);
const validate = new Ajv2020({ allowUnionTypes: true }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const text = readFileSync(file, "utf8");
const size = Buffer.byteLength(text);
const lines = text.split("\n").filter((l) => l.trim());
let best = Infinity;
let valid = 0;
for (let run = 0; run < 5; run++) {
  const start = process.hrtime.bigint();
  valid = 0;
  for (const line of lines) if (validate(JSON.parse(line))) valid++;
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(`ajv ${(size / best / 1e6).toFixed(0)} MB/s (${valid} documents, ${size} bytes, best of 5: ${best.toFixed(3)} s)`);
