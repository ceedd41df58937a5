#!/usr/bin/env python3
"""A straightforward script doing what `prereq lint` and `prereq check` do at their core, for the
benchmark to compare with: load a rule pack (a file, or a folder of files) with PyYAML, resolve
every reference, find requirement cycles, and, given a snapshot, evaluate each switched-on
feature's requirements against it.

    pip install pyyaml
    python3 prereq_check.py PACK [--snapshot SNAPSHOT.yaml]

It uses PyYAML's libyaml-backed loader (yaml.CSafeLoader) when PyYAML was built with it, else
the pure-Python one, and says which on standard error. It prints one line per finding.
"""

import os
import sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def pack_files(path):
    if os.path.isdir(path):
        found = []
        for root, _, names in os.walk(path):
            found += [os.path.join(root, n) for n in names if n.endswith((".yaml", ".yml"))]
        return sorted(found)
    return [path]


def load_pack(path):
    pack = {"features": {}, "jobs": {}, "settings": {}, "components": {}}
    for name in pack_files(path):
        with open(name, "rb") as f:
            for document in yaml.load_all(f, Loader=LOADER):
                for section in pack:
                    pack[section].update((document or {}).get(section) or {})
    return pack


def as_list(value):
    return value if isinstance(value, list) else [] if value is None else [value]


def features_named(requirement, conditions_too=True):
    """The feature ids a requirement names (through every form)."""
    out = []
    stack = [requirement]
    while stack:
        r = stack.pop()
        if isinstance(r, str):
            out.append(r)
        elif isinstance(r, list):
            stack.extend(r)
        elif isinstance(r, dict):
            if "feature" in r:
                out.append(r["feature"])
            for key in ("allOf", "anyOf", "not", "then", "of", "exactlyOne", "eachChannel"):
                if key in r:
                    stack.append(r[key])
            if conditions_too:
                for key in ("when", "where"):
                    if key in r:
                        stack.append(r[key])
    return out


def strict_requirements(requirement):
    """Features a requirement needs on whatever else holds: cycles among these never resolve."""
    out = []
    stack = [requirement]
    while stack:
        r = stack.pop()
        if isinstance(r, str):
            out.append(r)
        elif isinstance(r, list):
            stack.extend(r)
        elif isinstance(r, dict) and "allOf" in r:
            stack.append(r["allOf"])
    return out


def lint(pack):
    findings = []
    features, jobs, settings = pack["features"], pack["jobs"], pack["settings"]
    components = pack["components"]
    for fid, f in features.items():
        f = f or {}
        for ref in features_named(f.get("requires")) + as_list(f.get("conflicts")):
            if ref not in features:
                findings.append(f"unknown-reference: {fid} names feature {ref}")
        for s in list((f.get("settings") or {}).keys()) + settings_named(f.get("requires")):
            if s not in settings:
                findings.append(f"unknown-reference: {fid} names setting {s}")
        for c in components_named(f.get("requires")):
            if c not in components:
                findings.append(f"unknown-reference: {fid} names component {c}")
        for j in as_list((f.get("takesEffect") or {}).get("jobs")):
            if j not in jobs:
                findings.append(f"unknown-reference: {fid} names job {j}")
    for jid, j in jobs.items():
        for a in as_list((j or {}).get("after")):
            if a not in jobs:
                findings.append(f"unknown-reference: job {jid} runs after unknown job {a}")
    edges = {fid: [r for r in strict_requirements((f or {}).get("requires")) if r in features] for fid, f in features.items()}
    findings += [f"requirement-cycle: {' -> '.join(c)}" for c in cycles(edges)]
    findings += [f"job-order-cycle: {' -> '.join(c)}" for c in cycles({j: [a for a in as_list((v or {}).get("after")) if a in jobs] for j, v in jobs.items()})]
    return findings


def settings_named(requirement):
    return [r["setting"] for r in dicts(requirement) if "setting" in r]


def components_named(requirement):
    return [r["component"] for r in dicts(requirement) if "component" in r]


def dicts(requirement):
    stack = [requirement]
    while stack:
        r = stack.pop()
        if isinstance(r, list):
            stack.extend(r)
        elif isinstance(r, dict):
            yield r
            stack.extend(v for v in r.values() if isinstance(v, (list, dict)))


def cycles(edges):
    """One cycle per strongly connected part found by an iterative depth-first search."""
    state = {}
    found = []
    for start in edges:
        if start in state:
            continue
        path, stack = [], [(start, iter(edges[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                found.append(path[path.index(child):] + [child])
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges[child])))
    return found


def version(text):
    try:
        return tuple(int(p) for p in str(text).split("."))
    except ValueError:
        return None


class Snapshot:
    def __init__(self, pack, document):
        self.pack = pack
        names = {}
        for fid, f in pack["features"].items():
            names[fid.lower()] = fid
            name = (f or {}).get("name")
            for n in name.values() if isinstance(name, dict) else [name] if name else []:
                names[str(n).strip().lower()] = fid
        self.on = {}
        for key, value in (document.get("features") or {}).items():
            fid = names.get(str(key).strip().lower())
            if fid is None:
                continue
            enabled = value.get("enabled") if isinstance(value, dict) else value
            self.on[fid] = enabled in (True, "on", "true")
        for fid, f in pack["features"].items():
            if (f or {}).get("mandatorySince"):
                self.on[fid] = True
        self.settings = document.get("settings") or {}
        self.components = document.get("components") or {}
        self.version = version((document.get("snapshot") or {}).get("version"))

    def setting_values(self, sid):
        value = self.settings.get(sid)
        if isinstance(value, dict) and "channels" in value:
            return list(value["channels"].values())
        return [] if value is None else [value["value"] if isinstance(value, dict) else value]

    def value_holds(self, condition):
        values = self.setting_values(condition["setting"])
        if not values:
            return None
        for v in values:
            if "equals" in condition and str(v).strip().lower() != str(condition["equals"]).strip().lower():
                return False
            if "atLeast" in condition and int(v) < int(condition["atLeast"]):
                return False
            if "atMost" in condition and int(v) > int(condition["atMost"]):
                return False
        return True

    def component_holds(self, condition):
        value = self.components.get(condition["component"])
        versions = list(value.values()) if isinstance(value, dict) else [value] if value else []
        if not versions:
            return None
        low = version(condition.get("atLeast", "0"))
        return all(version(v) is not None and version(v) >= low for v in versions)

    def holds(self, r):
        """True, False or None (unknown)."""
        if isinstance(r, str):
            return self.on.get(r)
        if isinstance(r, list):
            return all3(self.holds(x) for x in r)
        if "when" in r:
            condition = self.holds(r["when"])
            return True if condition is False else self.holds(r["then"]) if condition else (self.holds(r["then"]) or None)
        if "allOf" in r:
            return all3(self.holds(x) for x in r["allOf"])
        if "anyOf" in r:
            return any3(self.holds(x) for x in r["anyOf"])
        if "not" in r:
            h = self.holds(r["not"])
            return None if h is None else not h
        if "setting" in r:
            return self.value_holds(r)
        if "component" in r:
            return self.component_holds(r)
        if "feature" in r:
            return self.on.get(r["feature"])
        return None


def all3(values):
    result = True
    for v in values:
        if v is False:
            return False
        if v is None:
            result = None
    return result


def any3(values):
    result = False
    for v in values:
        if v:
            return True
        if v is None:
            result = None
    return result


def check(pack, snapshot_path):
    with open(snapshot_path, "rb") as f:
        snapshot = Snapshot(pack, yaml.load(f, Loader=LOADER))
    findings = []
    for fid, f in pack["features"].items():
        if not snapshot.on.get(fid):
            continue
        f = f or {}
        for r in as_list(f.get("requires")):
            h = snapshot.holds(r)
            if h is not True:
                findings.append(f"{'unmet' if h is False else 'unknown'}-requirement: {fid} needs {r}")
        for sid, value in (f.get("settings") or {}).items():
            if snapshot.value_holds({"setting": sid, "equals": value}) is not True:
                findings.append(f"setting-mismatch: {fid} needs {sid} = {value}")
        for c in as_list(f.get("conflicts")):
            if snapshot.on.get(c):
                findings.append(f"conflict: {fid} and {c} are both on")
    return findings


def main(arguments):
    if not arguments or arguments[0].startswith("-"):
        sys.exit(__doc__)
    snapshot = arguments[arguments.index("--snapshot") + 1] if "--snapshot" in arguments else None
    print(f"prereq_check.py: PyYAML {yaml.__version__}, loader {LOADER.__name__}", file=sys.stderr)
    pack = load_pack(arguments[0])
    findings = lint(pack)
    if snapshot:
        findings += check(pack, snapshot)
    sys.stdout.write("".join(line + "\n" for line in findings))
    print(f"{len(findings)} findings", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
