"""Writes the 台账 fixtures for SheetImportTests with openpyxl (pip install openpyxl):
taizhang.xlsx (a clean sheet; dates are real Excel date cells, i.e. serial numbers),
taizhang-shared.xlsx (the same with a shared-string table and rich text, as
Excel writes it), taizhang.csv (the same rows as CSV UTF-8 with BOM, dates as text) and
taizhang-broken.xlsx (three bad cells). Run: python3 make_sheets.py"""
import csv
import datetime as dt

from openpyxl import Workbook

HEADERS = ["存放仓库", "物资名称", "批次号", "数量", "单位", "生产日期", "有效期至", "入库日期", "生产厂家", "规格型号", "质量状况"]
ROWS = [
    ["市救灾物资储备库", "单帐篷", "TZ-2024-01", 120, "顶", dt.date(2024, 3, 1), None, dt.date(2024, 4, 10), "某帐篷厂", "3×4 m", "合格"],
    ["市救灾物资储备库", "瓶装饮用水", "SW-2025-07", 6000, "L", dt.date(2025, 6, 1), dt.date(2026, 11, 23), dt.date(2025, 7, 1), "某水厂", "550 ml×24", "合格"],
    None,  # an empty row, skipped
    ["HG-D-FLOOD", "sandbag", "BD-'01; DROP TABLE lots", 50000, "条", None, None, dt.date(2025, 5, 20), "", "", "抽检合格"],
]


def sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "库存台账"
    ws.append(["鹤岗市救灾物资库存台账（测试）"])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row if row is not None else [])
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = "yyyy-mm-dd"
    wb.create_sheet("说明").append(["本表为测试数据"])
    wb.save(path)


sheet("taizhang.xlsx", ROWS)

with open("taizhang.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f)
    w.writerow(["鹤岗市救灾物资库存台账（测试）"])
    w.writerow(HEADERS)
    for row in ROWS:
        w.writerow([] if row is None else ["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in row])

broken = [list(r) if r is not None else None for r in ROWS]
broken[0][3] = "abc"                 # D3: not a quantity
broken[1][6] = "2025-13-01"          # G4: no such date
broken[3][2] = None                  # C6: empty lot number
sheet("taizhang-broken.xlsx", broken)


def to_shared_strings(src, dst):
    """Rewrites openpyxl's inline strings as a shared-string table, as Excel writes
    them, with the item names as rich text (two runs) and xml:space="preserve"."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    zin = zipfile.ZipFile(src)
    parts = {name: zin.read(name) for name in zin.namelist()}
    strings = []

    def shared(match):
        text = match.group(2)
        strings.append(text)
        return '<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), len(strings) - 1)

    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>', shared, sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    items = []
    for s in strings:
        if s in ("单帐篷", "瓶装饮用水"):   # rich text: the name split into two runs
            items.append('<si><r><rPr><b/></rPr><t>%s</t></r><r><t xml:space="preserve">%s</t></r></si>' % (escape(s[:1]), escape(s[1:])))
        else:
            items.append('<si><t xml:space="preserve">%s</t></si>' % s)
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(items), len(items), "".join(items))).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode().replace("</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rIdSST" /></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode().replace("</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, parts[name])
        zout.writestr("xl/sharedStrings.xml", parts["xl/sharedStrings.xml"])


to_shared_strings("taizhang.xlsx", "taizhang-shared.xlsx")
