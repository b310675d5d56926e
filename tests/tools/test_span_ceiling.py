"""tools/span-ceiling on a two-statement corpus written here: each count it prints."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

TOOL = os.path.join(os.path.dirname(__file__), "..", "..", "tools", "span-ceiling")
TEXT = "Mayor Ann Lee said the ferry was late. The harbour board has denied it."


def span(text, words, start=0):
    at = text.index(words, start)
    return at, at + len(words)


class SpanCeiling(unittest.TestCase):
    def run_tool(self, attributions):
        with tempfile.TemporaryDirectory() as corpus:
            os.makedirs(os.path.join(corpus, "text"))
            os.makedirs(os.path.join(corpus, "attributions"))
            with open(os.path.join(corpus, "text", "doc.txt"), "w", encoding="utf-8") as f:
                f.write(TEXT)
            lines, n = [], 0
            for source, cue, content in (("Mayor Ann Lee", "said", "the ferry was late"),
                                         ("The harbour board", "has denied", "it")):
                ids = []
                for kind, words in (("Source", source), ("Cue", cue), ("Content", content)):
                    n += 1
                    a, b = span(TEXT, words)
                    lines.append(f"T{n}\t{kind} {a} {b}\t{words}")
                    ids.append(f"T{n}")
                lines.append(f"E{n}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
            with open(os.path.join(corpus, "attributions", "doc.ann"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            predictions = os.path.join(corpus, "pred.jsonl")
            with open(predictions, "w", encoding="utf-8") as f:
                f.write(json.dumps({"document": {"id": "text/doc.txt", "text": TEXT}, "attributions": attributions}) + "\n")
            return subprocess.run([sys.executable, TOOL, corpus, predictions], check=True, capture_output=True,
                                  text=True).stdout

    def test_found_statement_with_short_spans_and_one_not_found(self):
        def s(words):
            a, b = span(TEXT, words)
            return {"start": a, "end": b}
        # The first statement found with a source and a cue too short, the second not found.
        out = self.run_tool([{"id": "a1", "content": s("the ferry was late"), "source": s("Ann Lee"),
                              "cue": s("said")},
                             {"id": "a2", "content": s("The harbour"), "source": None, "cue": None}])
        source, cue = out.split("cue tokens:")
        self.assertIn("source tokens: gold 6, predicted 2, tp 2", source)
        self.assertRegex(source, r"missed, found +1\n")       # "Mayor"
        self.assertRegex(source, r"missed, not found +3\n")   # "The harbour board"
        self.assertIn("exact 0, longer 0, shorter 1", source)
        # Gold spans on the found statement: 3 of 6 source tokens, none extra.
        self.assertIn("ceiling with gold spans on found attributions: F1 0.667", source)
        self.assertIn("gold 3, predicted 1, tp 1", cue)
        self.assertRegex(cue, r"missed, not found +2\n")      # "has denied"
        self.assertIn("exact 1,", cue)


if __name__ == "__main__":
    unittest.main()
