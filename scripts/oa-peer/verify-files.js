// The JavaScript side of "ebl verify DIR": one node process that reads every file under DIR
// (recursively, sorted) and runs @govtechsg/open-attestation's verifySignature on each.
// Prints {"files": N, "valid": M}. Usage: node verify-files.js DIR
"use strict";
const fs = require("fs");
const path = require("path");
const { verifySignature } = require("@govtechsg/open-attestation");

function files(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

let valid = 0;
const all = files(process.argv[2]);
for (const file of all) {
  if (verifySignature(JSON.parse(fs.readFileSync(file, "utf8"))) === true) valid += 1;
}
console.log(JSON.stringify({ files: all.length, valid }));
