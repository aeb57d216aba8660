#!/usr/bin/env python3
"""Writes Fuzz/corpus-seed: the fuzzer's starting inputs.

Statements from the examples of LANGUAGE.md and TOUR.md (shared/spec), and
from the script tests, the saved scripts and the built-in packs, each line
alone, plus each file whole (cut to 4 KiB). Run from anywhere:

    python3 Fuzz/make-seeds.py [SPEC_DIR]

The committed seeds are that set cut down to the inputs that add coverage:

    Fuzz/run.sh 1 && mkdir /tmp/seeds && .build-fuzz/fuzz-steppe -merge=1 /tmp/seeds Fuzz/corpus-seed
    rm Fuzz/corpus-seed/* && cp /tmp/seeds/* Fuzz/corpus-seed/
"""
import hashlib, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "spec")
out = os.path.join(root, "Fuzz", "corpus-seed")
seeds = set()

def add(text):
    text = text.strip("\n")
    if text.strip():
        seeds.add(text.encode()[:4096])

for name in ["LANGUAGE.md", "TOUR.md"]:
    path = os.path.join(spec, name)
    if not os.path.exists(path):
        continue
    text = open(path, encoding="utf-8").read()
    for span in re.findall(r"`([^`\n]+)`", text):
        if re.search(r"[A-Za-z0-9]", span) and not span.startswith("steppe "):
            add(span)
    for block in re.findall(r"```\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.sub(r"^(steppe>|      \|)\s?", "", line)
            if line and not line.startswith("$"):
                add(line)
        add(block)

for folder in ["Tests/ScriptTests/scripts", "Scripts", "Sources/SteppeCore/Packs"]:
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for f in sorted(files):
            if not f.endswith(".steppe") or "/robust" in dirpath:
                continue
            text = open(os.path.join(dirpath, f), encoding="utf-8", errors="replace").read()
            add(text)
            for line in text.splitlines():
                line = re.sub(r"\s*# expect.*$", "", line)
                if line.strip() and not line.lstrip().startswith("#"):
                    add(line)

os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    os.remove(os.path.join(out, f))
for s in sorted(seeds):
    with open(os.path.join(out, hashlib.sha1(s).hexdigest()[:16]), "wb") as fh:
        fh.write(s)
print(f"{len(seeds)} seeds in {out}", file=sys.stderr)
