#!/usr/bin/env python3
# model.py - the expected output of the sentences golden.  RESULTS are what Spark 3.5's
# Sentences.getSentences (BreakIterator.getSentenceInstance, then getWordInstance on each
# sentence, keeping the words whose charAt(0) is Character.isLetterOrDigit) returns for each
# input on Java 17, computed by running that code apart from sluice; this prints them as the
# console sink shows them (truncate = false).
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch  # noqa: E402

RESULTS = [
    None,
    [],
    [[]],
    [["Hi", "there"], ["How", "are", "you"], ["I'm", "fine"]],
    [["This", "is", "a", "test"], ["This", "is", "a", "T.L.A", "test"],
     ["Now", "with", "a", "Dr", "in", "it"]],
    [["hello", "world", "this", "stays", "one"], ["But", "Upper", "breaks"]],
    [["It's", "3.14", "not", "1,000", "or", "50%", "of", "e-mail", "x_y", "R2D2", "2nd"]],
    [["He", "said", "stop"], ["Then", "quietly", "left"], ["Yes", "she", "said"]],
    [["Wait"], ["What"], ["Fine"]],
    [["Hi"], ["how", "are", "you"]],
    [["two", "spaces"], ["after", "a", "period"]],
    [["Café", "Ärger", "naïve"], ["Привет", "мир"], ["Ωmega"]],
    [["日本語", "の", "テキスト"], ["カタカナ", "とひらがな"], ["漢字"]],
    [["ｈｅｌｌｏ", "ｗｏｒｌｄ", "Ｎｅｘｔ"]],
    [["नमस्ते", "दुनिया।"], ["यह", "दूसरा"]],
    [["١٢٣", "and", "٤٥٦٫٧"]],
    [["smile", "ok"]],
    [["cafe\u0301", "au", "lait"]],
    [["see", "here"]],
    [["e.g", "this", "and", "i.e", "that"], ["End"]],
]


def show_value(v):
    """Spark's show() of an ARRAY<ARRAY<STRING>>: [[a, b], [c]]."""
    if v is None:
        return "NULL"
    return "[" + ", ".join("[" + ", ".join(w) + "]" for w in v) + "]"


rows = []
for i, r in enumerate(RESULTS):
    rows.append([str(i), show_value(r), "NULL" if r is None else "true",
                 str(-1 if r is None else len(r))])
print("\n".join(batch(0, ["i", "sentences(s, , )", "same", "n"], rows)))
