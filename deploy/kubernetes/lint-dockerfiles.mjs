// Lints Dockerfiles with dockerfile-utils (the linter of the Dockerfile language server):
// syntax, unknown instructions and flags, bad arguments, and its style checks raised to errors.
//
//   node lint-dockerfiles.mjs <Dockerfile>...
import { readFileSync } from "node:fs";
import utils from "dockerfile-utils";

const { validate, ValidationSeverity } = utils;
const everyCheckAnError = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const d of validate(readFileSync(file, "utf8"), everyCheckAnError)) {
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
    problems++;
  }
}
if (problems > 0) {
  process.exit(1);
}
console.log(`OK ${process.argv.length - 2} Dockerfiles`);
