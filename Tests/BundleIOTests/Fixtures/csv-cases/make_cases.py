#!/usr/bin/env python3
"""Expected parses of tricky CSV inputs, from Python's csv module, for CSVParserTests.

    python3 Tests/BundleIOTests/Fixtures/csv-cases/make_cases.py   # rewrites cases.json

For every input, Python 3's `csv.reader` (default dialect, strict=False) reads the
bytes decoded as UTF-8 (a leading byte-order mark dropped, as `utf-8-sig` does) through
`io.StringIO(newline="")`, so LF, CRLF and lone CR all end lines and line ends inside
quotes are kept. Blank records (no field, or one empty field) are dropped, as the
bundle reader does. Each record keeps the physical line it starts on: one more than
`reader.line_num` after the previous record (blank lines in between counted).
The first record left is the header; the rest are the rows.
"""
import base64
import csv
import io
import json
import os

CASES = [
    ("plain LF", b"id,name\na,1\nb,2\n"),
    ("no final newline", b"id,name\na,1\nb,2"),
    ("CRLF line ends", b"id,name\r\na,1\r\nb,2\r\n"),
    ("lone CR line ends", b"id,name\ra,1\rb,2\r"),
    ("mixed line ends", b"id,name\na,1\r\nb,2\rc,3\n"),
    ("byte-order mark", "\ufeffid,名称\na,新华镇\n".encode("utf-8")),
    ("byte-order mark and CRLF", "\ufeffid,name\r\na,b\r\n".encode("utf-8")),
    ("doubled quotes", b'id,note\na,"say ""hi"""\nb,""""\nc,"x""y""z"\n'),
    ("quoted comma", b'id,note\na,"1,2,3"\nb,","\n'),
    ("embedded LF", b'id,note\na,"two\nlines"\nb,after\n'),
    ("embedded CRLF", b'id,note\r\na,"two\r\nlines"\r\nb,after\r\n'),
    ("embedded lone CR", b'id,note\na,"cr\rinside"\nb,after\n'),
    ("several line breaks in one record", b'id,x,y\na,"1\n2","3\r\n4\r5"\nb,c,d\n'),
    ("empty trailing line", b"id,name\na,1\n\n"),
    ("blank lines between records", b"id,name\n\na,1\n\r\n\rb,2\n\n\n"),
    ("leading blank lines before the header", b"\n\r\nid,name\na,1\n"),
    ("empty quoted field as a line", b'id,name\n""\na,1\n'),
    ("empty fields", b"id,a,b\n,,\nx,,\n,,y\n"),
    ("trailing comma", b"id,name\na,\n"),
    ("ragged rows: short and long", b"id,a,b\nr1,1\nr2,1,2,3\nr3\n"),
    ("long row with an unquoted comma", "id,name,level\nA1,新华镇,东片,township\n".encode("utf-8")),
    ("quote inside an unquoted field", b'id,note\na,5"long\nb,x"y"z\n'),
    ("text after a closing quote", b'id,note\na,"ab"cd\nb,"x" ,y\n'),
    ("quote left open to the end", b'id,note\na,"open\nb,c\n'),
    ("spaces around fields kept", b"id , name\n a , b \n"),
    ("Chinese text in quotes", '编号,名称\nA1,"新华镇, ""东片"""\nA2,"两行\r\n名字"\n'.encode("utf-8")),
    ("tabs and semicolons are ordinary", b"id,list\na,flood;fire\nb,\tx\t\n"),
    ("only a header", b"id,name\n"),
    ("empty file", b""),
]


def parse(data):
    """Records with their start line: the first line after the previous record that is
    not blank (blank physical lines are skipped but counted)."""
    text = data.decode("utf-8-sig")
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(io.StringIO(text, newline=""))
    records = []
    previous_end = 0
    for fields in reader:
        start = previous_end + 1
        while start <= len(lines) and lines[start - 1] in ("\n", "\r\n", "\r"):
            start += 1
        previous_end = reader.line_num
        if len(fields) == 0 or (len(fields) == 1 and fields[0] == ""):
            continue
        records.append({"line": start, "fields": fields})
    return records


def main():
    cases = []
    for name, data in CASES:
        records = parse(data)
        header = records[0] if records else {"line": 1, "fields": []}
        cases.append({
            "name": name,
            "input": base64.b64encode(data).decode("ascii"),
            "header": [f.strip(" \t") for f in header["fields"]],
            "headerLine": header["line"],
            "rows": [r["fields"] for r in records[1:]],
            "lines": [r["line"] for r in records[1:]],
        })
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"generator": "Python %s csv.reader" % __import__("platform").python_version(), "cases": cases},
                  f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), out))


if __name__ == "__main__":
    main()
