// Validates rendered Kubernetes objects against the API schemas.
//
//   node validate.mjs <input.json>
//
// input.json: {"objects": [{"source": "overlays/production", "object": {...}}, ...],
//              "crds": {"<apiVersion>/<kind>": <the CRD's openAPIV3Schema>, ...}}
//
// Built-in kinds: the ajv validators of kubernetes-models (generated from the Kubernetes
// OpenAPI); ServiceMonitor/PodMonitor/PrometheusRule: @kubernetes-models/prometheus-operator.
// Other kinds: the CRD schema given in the input, else an error (an unknown kind never passes).
//
// Those validators accept fields the schema does not know, so a typo (livenessProbe.httpGett)
// would pass. Unknown fields are found by watching which properties the validator reads: a
// generated validator reads every property its schema declares, and every entry of a map
// (additionalProperties), so a property it never reads is not in the schema.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const problems = [];

function modelFile(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const candidates =
    group === "monitoring.coreos.com"
      ? [join(here, "node_modules/@kubernetes-models/prometheus-operator", group, version, `${kind}.js`)]
      : [join(here, "node_modules/kubernetes-models", group === "" ? version : `${group}/${version}`, `${kind}.js`)];
  return candidates.find((file) => existsSync(file));
}

const validators = new Map();

async function builtInValidator(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!validators.has(key)) {
    const file = modelFile(apiVersion, kind);
    let validate = null;
    if (file) {
      // The model class imports its generated validator from ../../_schemas/<Name>.js.
      const schemaImport = readFileSync(file, "utf8").match(/"([./]+_schemas\/\w+\.js)"/);
      if (schemaImport) {
        const schemaFile = join(dirname(file), schemaImport[1]);
        validate = (await import(pathToFileURL(schemaFile).href)).validate;
      }
    }
    validators.set(key, validate);
  }
  return validators.get(key);
}

/** A view of value that records the path of every own property read. */
function watched(value, path, seen) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  const own = (target, key) =>
    typeof key === "string" && Object.prototype.hasOwnProperty.call(target, key);
  return new Proxy(value, {
    get(target, key, receiver) {
      const result = Reflect.get(target, key, receiver);
      if (own(target, key)) {
        seen.add(`${path}/${key}`);
        return watched(result, `${path}/${key}`, seen);
      }
      return result;
    },
    has(target, key) {
      if (own(target, key)) {
        seen.add(`${path}/${key}`);
      }
      return Reflect.has(target, key);
    },
  });
}

/** Paths of value's properties that are not in seen (the outermost only). */
function unread(value, path, seen, out) {
  if (value === null || typeof value !== "object") {
    return out;
  }
  for (const key of Object.keys(value)) {
    const child = `${path}/${key}`;
    if (seen.has(child)) {
      unread(value[key], child, seen, out);
    } else {
      out.push(child);
    }
  }
  return out;
}

/** Properties the CRD's structural schema does not declare (preserve-unknown-fields allowed). */
function unknownByCrd(value, schema, path, out) {
  if (value === null || typeof value !== "object" || !schema) {
    return out;
  }
  if (schema["x-kubernetes-preserve-unknown-fields"]) {
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownByCrd(item, schema.items, `${path}/${i}`, out));
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    const declared = schema.properties?.[key];
    if (declared) {
      unknownByCrd(child, declared, `${path}/${key}`, out);
    } else if (typeof schema.additionalProperties === "object") {
      unknownByCrd(child, schema.additionalProperties, `${path}/${key}`, out);
    } else if (schema.additionalProperties !== true) {
      out.push(`${path}/${key}`);
    }
  }
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const crdValidators = new Map();

function crdValidator(key) {
  if (!crdValidators.has(key)) {
    const schema = input.crds?.[key];
    crdValidators.set(key, schema ? { schema, validate: ajv.compile(schema) } : null);
  }
  return crdValidators.get(key);
}

function describe(errors) {
  return (errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? e.keyword} ${JSON.stringify(e.params ?? {})}`);
}

let checked = 0;
for (const { source, object } of input.objects) {
  const name = `${source}: ${object?.kind}/${object?.metadata?.name}`;
  if (!object?.apiVersion || !object?.kind) {
    problems.push(`${name}: no apiVersion or kind`);
    continue;
  }
  const key = `${object.apiVersion}/${object.kind}`;
  const crd = crdValidator(key);
  const builtIn = crd ? null : await builtInValidator(object.apiVersion, object.kind);
  if (crd) {
    if (!crd.validate(object)) {
      describe(crd.validate.errors).forEach((e) => problems.push(`${name}: ${e}`));
    }
    // apiVersion, kind and metadata are the API server's, not part of the CRD's schema.
    const { apiVersion, kind, metadata, ...rest } = object;
    unknownByCrd(rest, crd.schema, "", []).forEach((p) => problems.push(`${name}: unknown field ${p}`));
  } else if (builtIn) {
    const seen = new Set();
    if (!builtIn(watched(object, "", seen))) {
      describe(builtIn.errors).forEach((e) => problems.push(`${name}: ${e}`));
    } else {
      unread(object, "", seen, []).forEach((p) => problems.push(`${name}: unknown field ${p}`));
    }
  } else {
    problems.push(`${name}: unknown kind ${key} (no schema to validate it against)`);
    continue;
  }
  checked++;
}

if (problems.length > 0) {
  console.log(problems.map((p) => `INVALID ${p}`).join("\n"));
  process.exit(1);
}
console.log(`OK ${checked} objects valid`);
