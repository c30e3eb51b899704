// Times @govtechsg/open-attestation's verifySignature on one wrapped document, on one core:
// 300 warm-up calls, then RUNS runs (default 9) of at least SECONDS each (default 1.5; calls in
// chunks of 20); prints the median as JSON: {"ops_per_s": ..., "us_per_op": ...}.
// Usage: node bench.js FILE [RUNS] [SECONDS]
"use strict";
const fs = require("fs");
const { verifySignature } = require("@govtechsg/open-attestation");

const doc = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (verifySignature(doc) !== true) throw new Error("the document does not verify");
for (let i = 0; i < 300; i++) verifySignature(doc);
const runCount = Number(process.argv[3] || 9);
const runNs = BigInt(Math.round(Number(process.argv[4] || 1.5) * 1e9));
const runs = [];
for (let r = 0; r < runCount; r++) {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < runNs) {
    for (let i = 0; i < 20; i++) verifySignature(doc);
    calls += 20;
    elapsed = process.hrtime.bigint() - start;
  }
  runs.push(calls / (Number(elapsed) / 1e9));
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)];
console.log(JSON.stringify({ ops_per_s: median, us_per_op: 1e6 / median, runs }));
