"""Reading PolNeAR's brat gold, shared by tools/calibrate and tools/span-ceiling.

Tokens are as `quotegraph eval` counts them: runs of word characters or single other
non-space characters, named by their start offset (code points into the text).
"""
import re

TOKEN = re.compile(r"\w+|[^\w\s]")


def gold_attributions(path):
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not re.match(r"^[TE]\d+\t", line):
                continue
            parts = line.split("\t")
            if line[0] == "T":
                kind, _, ranges = parts[1].partition(" ")
                try:
                    spans[parts[0]] = [tuple(map(int, r.split())) for r in ranges.split(";")]
                except ValueError:
                    continue
            else:
                roles = {}
                for r in parts[1].split():
                    if ":" in r:
                        k, v = r.split(":", 1)
                        roles[re.sub(r"\d+$", "", k)] = v
                events.append(roles)
    out = []
    for roles in events:
        out.append({k: spans[v] for k, v in roles.items() if v in spans and k in ("Source", "Content", "Cue")})
    return out


def tokens(text, fragments):
    found = set()
    for a, b in fragments:
        for m in TOKEN.finditer(text, a, b):
            found.add(m.start())
    return found
