// Parses PromQL expressions with Prometheus' own grammar (the one its web UI uses) and reports,
// for each, the syntax errors and the metric names it selects.
// Usage: node check.mjs expressions.json  (a JSON array of {"source": ..., "expr": ...})
// Prints a JSON array of {"source", "errors": [...], "metrics": [...]} on stdout.
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';

const expressions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = expressions.map(({ source, expr }) => {
  const errors = [];
  const metrics = new Set();
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) {
        const near = expr.slice(Math.max(0, node.from - 30), node.to + 10);
        errors.push(`syntax error at character ${node.from}, near '${near}'`);
      } else if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        metrics.add(expr.slice(node.from, node.to));
      } else if (node.name === 'LabelName' && expr.slice(node.from, node.to) === '__name__') {
        // A name matcher hides which metric is meant from this check: spell the name out.
        errors.push(`__name__ matcher at ${node.from}: select the metric by its name`);
      }
    },
  });
  if (expr.trim() === '') {
    errors.push('empty expression');
  }
  return { source, errors, metrics: [...metrics].sort() };
});
process.stdout.write(JSON.stringify(results, null, 1));
