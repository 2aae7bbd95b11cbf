#!/usr/bin/env python3
"""Writes the demo documents' attached files into content/documents/files/.

Usage: python3 scripts/make-document-pdfs.py   (from any directory)

Each PDF is the document of content/documents/documents.json that lists it first, laid out as
a Vietnamese administrative document (issuer and number, national motto, date, title, text,
signer): real PDFs with Vietnamese text that open in any PDF reader. A file that several
documents attach (the recruitment form) has its own text below, and the import stores it once;
so have the blank forms the procedures (content/procedures.json) link to, each the first file of
its document.
One DOCX and one XLSX are written too, as minimal Office Open XML packages, so the portal has
attachments that download rather than open.

The outputs are committed, so `make run` never needs this script; run it again after changing
documents.json. Its output is byte for byte the same on every run (fixed dates, fixed zip
times), so the stored files' hashes change only when their content does.

Library and font:
- fpdf2 (https://github.com/py-pdf/fpdf2), LGPL-3.0-only: `pip install fpdf2` (2.8 here). It
  embeds only the glyphs a PDF uses (a subset of the font).
- DejaVu Sans (https://dejavu-fonts.github.io), from Debian's `fonts-dejavu-core`
  (/usr/share/fonts/truetype/dejavu/): Bitstream Vera licence with public-domain additions,
  which allows embedding and redistribution; its glyphs cover Vietnamese.
- The DOCX and XLSX are written with Python's own zipfile: no library.
"""
import datetime
import html.parser
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "..", "content", "documents")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = os.path.join(FONT_DIR, "DejaVuSans.ttf")
FONT_BOLD = os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")
# Every PDF says the same creation time, so a run writes the same bytes as the last one.
FIXED_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
NOTE = ("Văn bản minh họa của cổng thông tin thử nghiệm: nội dung do nhóm phát triển tự soạn, "
        "không phải văn bản thật của cơ quan nhà nước.")

try:
    from fpdf import FPDF
except ImportError:
    sys.exit("make-document-pdfs.py needs fpdf2: pip install fpdf2")
if not os.path.exists(FONT):
    sys.exit("make-document-pdfs.py needs DejaVu Sans: apt-get install fonts-dejavu-core")


class Blocks(html.parser.HTMLParser):
    """A document's HTML body as blocks to lay out: ("p", text), ("h", text), ("li", text),
    ("row", [cells])."""

    def __init__(self):
        super().__init__()
        self.blocks, self.text, self.cells, self.bold = [], "", None, False

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2", "li", "td", "th"):
            self.text = ""
        if tag == "tr":
            self.cells = []

    def handle_endtag(self, tag):
        text = " ".join(self.text.split())
        if tag == "p":
            self.blocks.append(("p", text))
        elif tag == "h2":
            self.blocks.append(("h", text))
        elif tag == "li":
            self.blocks.append(("li", text))
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append(text)
        elif tag == "tr" and self.cells is not None:
            self.blocks.append(("row", self.cells))
            self.cells = None

    def handle_data(self, data):
        self.text += data


def blocks_of(body_html):
    parser = Blocks()
    parser.feed(body_html or "")
    return parser.blocks


def write(pdf, width, height, text, **options):
    """A block of text at the current position; the next one starts below it, at the left
    margin (fpdf2's default continues to the right)."""
    pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT", **options)


def new_pdf(title):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(title)
    pdf.set_author("Cổng thông tin điện tử huyện Bình Liêu (bản thử nghiệm)")
    pdf.set_creator("scripts/make-document-pdfs.py")
    pdf.set_producer("fpdf2")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_margins(22, 18, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    return pdf


def header(pdf, issuer, number, place_and_date):
    """The two columns every administrative document opens with."""
    top = pdf.get_y()
    pdf.set_font("DejaVu", "B", 10)
    write(pdf, 70, 5, issuer.upper(), align="C")
    pdf.set_font("DejaVu", "", 10)
    write(pdf, 70, 5, "Số: " + number, align="C")
    left_bottom = pdf.get_y()
    pdf.set_xy(95, top)
    pdf.set_font("DejaVu", "B", 10)
    write(pdf, 95, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
    pdf.set_x(95)
    write(pdf, 95, 5, "Độc lập – Tự do – Hạnh phúc", align="C")
    pdf.set_x(95)
    pdf.set_font("DejaVu", "", 10)
    write(pdf, 95, 6, place_and_date, align="C")
    pdf.set_y(max(left_bottom, pdf.get_y()) + 6)


def date_line(day):
    year, month, date = (int(part) for part in day.split("-"))
    return f"Bình Liêu, ngày {date:02d} tháng {month:02d} năm {year}"


def body(pdf, blocks):
    width = pdf.w - pdf.l_margin - pdf.r_margin
    previous = None
    for kind, content in blocks:
        if previous == "row" and kind != "row":
            pdf.ln(1.5)
        previous = kind
        if kind == "h":
            pdf.set_font("DejaVu", "B", 11)
            write(pdf, width, 6, content)
        elif kind == "li":
            pdf.set_font("DejaVu", "", 11)
            pdf.set_x(pdf.l_margin + 5)
            write(pdf, width - 5, 6, "– " + content)
        elif kind == "row":
            pdf.set_font("DejaVu", "", 10)
            cell = width / max(len(content), 1)
            y = pdf.get_y()
            for index, text in enumerate(content):
                pdf.set_xy(pdf.l_margin + index * cell, y)
                write(pdf, cell, 7, text, border=1)
            pdf.set_y(y + 7)
        else:
            pdf.set_font("DejaVu", "", 11)
            write(pdf, width, 6, content)
        if kind != "row":
            pdf.ln(1.5)


def signature(pdf, signer):
    pdf.ln(6)
    pdf.set_x(105)
    pdf.set_font("DejaVu", "B", 11)
    write(pdf, 85, 6, signer.upper(), align="C")
    pdf.set_x(105)
    pdf.set_font("DejaVu", "", 10)
    write(pdf, 85, 6, "(Đã ký)", align="C")


def note(pdf):
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 8)
    write(pdf, pdf.w - pdf.l_margin - pdf.r_margin, 4, NOTE)


def document_pdf(record):
    title = record["type"]
    pdf = new_pdf(f"{record['type']} {record['number']}")
    header(pdf, record["issuer"], record["number"], date_line(record["issued_on"]))
    pdf.set_font("DejaVu", "B", 13)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    write(pdf, width, 7, title.upper(), align="C")
    pdf.set_font("DejaVu", "B", 11)
    write(pdf, width, 6, record["summary"], align="C")
    pdf.ln(5)
    blocks = blocks_of(record.get("body_html")) or [("p", record["summary"] + ".")]
    body(pdf, blocks)
    if record.get("effective_on") or record.get("expires_on"):
        lines = []
        if record.get("effective_on"):
            lines.append("Có hiệu lực từ ngày " + vietnamese_date(record["effective_on"]) + ".")
        if record.get("expires_on"):
            lines.append("Hết hiệu lực từ ngày " + vietnamese_date(record["expires_on"]) + ".")
        body(pdf, [("p", " ".join(lines))])
    signature(pdf, record["signer"])
    note(pdf)
    return pdf


def vietnamese_date(day):
    year, month, date = (int(part) for part in day.split("-"))
    return f"{date:02d}/{month:02d}/{year}"


def recruitment_form():
    """The form both recruitment notices attach: one file, stored once."""
    pdf = new_pdf("Phiếu đăng ký dự tuyển viên chức")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "B", 10)
    write(pdf, width, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
    write(pdf, width, 5, "Độc lập – Tự do – Hạnh phúc", align="C")
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 14)
    write(pdf, width, 8, "PHIẾU ĐĂNG KÝ DỰ TUYỂN VIÊN CHỨC", align="C")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    for line in [
        "Vị trí dự tuyển: ............................................................",
        "Đơn vị dự tuyển: ...........................................................",
        "Họ và tên: ...................................   Ngày sinh: ......./......./...........",
        "Dân tộc: ....................................   Giới tính: ............................",
        "Số căn cước: ...............................   Điện thoại: ...........................",
        "Quê quán: ..................................................................",
        "Trình độ chuyên môn: ....................................................",
        "Đối tượng ưu tiên (nếu có): ..........................................",
    ]:
        write(pdf, width, 9, line)
    pdf.ln(3)
    write(pdf, width, 6, "Tôi cam đoan những thông tin trên là đúng sự thật. Nếu sai, tôi "
                             "xin chịu trách nhiệm trước pháp luật và kết quả tuyển dụng của tôi "
                             "sẽ bị hủy bỏ.")
    pdf.ln(6)
    pdf.set_x(110)
    write(pdf, 80, 6, "Người đăng ký\n(Ký, ghi rõ họ tên)", align="C")
    note(pdf)
    return pdf


# The height of a form's line to fill in, in millimetres.
LINE = 7.5


def dotted(pdf, label, width):
    """`label` and dots up to `width` millimetres in the current font: a blank to fill by hand."""
    text = label + " "
    while pdf.get_string_width(text + ".") <= width - 2 * pdf.c_margin:
        text += "."
    return text


def blank_form(title, heading, subtitle, to, items, pledge, signers):
    """A blank form to print and fill in by hand. `items` are, in order: a label (a blank line
    of its own), a tuple of labels (blanks side by side), ("h", text) a part's heading,
    ("text", text) a sentence, ("table", [(column, width), ...], rows) an empty table.
    `signers` are (who, how) pairs, side by side under the place and date."""
    pdf = new_pdf(title)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "B", 10)
    write(pdf, width, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
    write(pdf, width, 5, "Độc lập – Tự do – Hạnh phúc", align="C")
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 14)
    write(pdf, width, 8, heading, align="C")
    if subtitle:
        pdf.set_font("DejaVu", "", 10)
        write(pdf, width, 5, subtitle, align="C")
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 11)
    write(pdf, width, 7, to, align="C")
    pdf.ln(3)
    for item in items:
        if isinstance(item, str):
            pdf.set_font("DejaVu", "", 11)
            pdf.cell(width, LINE, dotted(pdf, item, width), new_x="LMARGIN", new_y="NEXT")
        elif item[0] == "h":
            pdf.ln(1)
            pdf.set_font("DejaVu", "B", 11)
            write(pdf, width, 7, item[1])
        elif item[0] == "text":
            pdf.set_font("DejaVu", "", 11)
            write(pdf, width, 7, item[1])
        elif item[0] == "table":
            _, columns, rows = item
            pdf.set_font("DejaVu", "B", 9)
            for row in range(rows + 1):
                y = pdf.get_y()
                x = pdf.l_margin
                for name, column in columns:
                    pdf.set_xy(x, y)
                    pdf.cell(column, 8, name if row == 0 else "", border=1, align="C")
                    x += column
                pdf.set_y(y + 8)
                pdf.set_font("DejaVu", "", 9)
            pdf.ln(2)
        else:
            pdf.set_font("DejaVu", "", 11)
            part = width / len(item)
            y = pdf.get_y()
            for index, label in enumerate(item):
                pdf.set_xy(pdf.l_margin + index * part, y)
                pdf.cell(part, LINE, dotted(pdf, label, part))
            pdf.set_y(y + LINE)
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 11)
    write(pdf, width, 6, pledge)
    pdf.ln(4)
    pdf.set_x(105)
    write(pdf, 85, 6, "…………, ngày …… tháng …… năm ……", align="C")
    top = pdf.get_y()
    column = width / len(signers) if len(signers) > 1 else 85
    bottom = top
    for index, (who, how) in enumerate(signers):
        x = pdf.l_margin + index * column if len(signers) > 1 else 105
        pdf.set_xy(x, top)
        pdf.set_font("DejaVu", "B", 11)
        write(pdf, column, 6, who.upper(), align="C")
        pdf.set_x(x)
        pdf.set_font("DejaVu", "", 10)
        write(pdf, column, 5, how, align="C")
        bottom = max(bottom, pdf.get_y())
    # Room to sign, and the note still on the page: it takes 18 mm.
    pdf.set_y(min(bottom + 18, pdf.page_break_trigger - 18))
    note(pdf)
    return pdf


def birth_form():
    """The birth registration form (our own layout of the usual items)."""
    return blank_form(
        "Tờ khai đăng ký khai sinh", "TỜ KHAI ĐĂNG KÝ KHAI SINH", None,
        "Kính gửi: Ủy ban nhân dân ……………………………………… (xã, thị trấn)",
        [
            ("h", "1. Người yêu cầu đăng ký khai sinh"),
            "Họ, chữ đệm, tên:",
            ("Số định danh cá nhân:", "Điện thoại:"),
            "Nơi cư trú:",
            "Quan hệ với người được khai sinh:",
            ("h", "2. Người được khai sinh"),
            "Họ, chữ đệm, tên:",
            ("Ngày, tháng, năm sinh:", "Giới tính:"),
            "Ghi bằng chữ:",
            ("Dân tộc:", "Quốc tịch:"),
            "Nơi sinh:",
            "Quê quán:",
            ("h", "3. Cha, mẹ của người được khai sinh"),
            "Họ, chữ đệm, tên người mẹ:",
            ("Năm sinh:", "Dân tộc:", "Quốc tịch:"),
            "Nơi cư trú:",
            "Họ, chữ đệm, tên người cha:",
            ("Năm sinh:", "Dân tộc:", "Quốc tịch:"),
            "Nơi cư trú:",
            ("text", "Đề nghị cấp bản sao Giấy khai sinh:  ☐ Có, số lượng: ……… bản    ☐ Không"),
        ],
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật, đã được cha, mẹ của người "
        "được khai sinh thống nhất, và chịu trách nhiệm trước pháp luật về lời cam đoan của mình.",
        [("Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)")])


def household_business_form():
    """The household business registration request (our own layout of the usual items)."""
    return blank_form(
        "Giấy đề nghị đăng ký hộ kinh doanh", "GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH", None,
        "Kính gửi: Phòng Tài chính - Kế hoạch huyện Bình Liêu",
        [
            ("h", "1. Chủ hộ kinh doanh"),
            "Họ, chữ đệm, tên (viết chữ in hoa):",
            ("Ngày, tháng, năm sinh:", "Giới tính:"),
            ("Dân tộc:", "Quốc tịch:"),
            "Số định danh cá nhân:",
            "Nơi thường trú:",
            ("Điện thoại:", "Thư điện tử:"),
            ("h", "2. Nội dung đăng ký hộ kinh doanh"),
            "Tên hộ kinh doanh:",
            "Địa chỉ trụ sở (số nhà, thôn, khu):",
            "Xã, thị trấn:",
            "Ngành, nghề kinh doanh:",
            "",
            ("Vốn kinh doanh (đồng):", "Số lao động dự kiến:"),
            "Thành viên hộ gia đình cùng đăng ký (nếu có):",
        ],
        "Tôi cam kết: không thuộc trường hợp bị cấm đăng ký hộ kinh doanh; địa điểm kinh doanh "
        "thuộc quyền sử dụng hợp pháp của tôi; nội dung kê khai trên đây là trung thực, chính "
        "xác, và tôi chịu trách nhiệm trước pháp luật về những nội dung này.",
        [("Chủ hộ kinh doanh", "(Ký, ghi rõ họ, chữ đệm, tên)")])


def building_permit_form():
    """The building permit application for a family house (our own layout of the usual items)."""
    return blank_form(
        "Đơn đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ",
        "ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG", "(Dùng cho nhà ở riêng lẻ)",
        "Kính gửi: Ủy ban nhân dân huyện Bình Liêu",
        [
            ("h", "1. Chủ đầu tư"),
            "Họ, chữ đệm, tên:",
            ("Số định danh cá nhân:", "Điện thoại:"),
            "Địa chỉ liên hệ:",
            ("h", "2. Địa điểm xây dựng"),
            ("Thửa đất số:", "Tờ bản đồ số:"),
            "Thôn, khu:",
            "Xã, thị trấn:",
            "Giấy chứng nhận quyền sử dụng đất số:",
            ("h", "3. Nội dung đề nghị cấp phép"),
            ("Diện tích xây dựng tầng 1 (m²):", "Tổng diện tích sàn (m²):"),
            ("Chiều cao công trình (m):", "Số tầng:"),
            "Kết cấu chính:",
            ("h", "4. Người hoặc đơn vị thiết kế (nếu có)"),
            "Tên:",
            "Số chứng chỉ hành nghề:",
            "5. Dự kiến thời gian hoàn thành công trình (tháng):",
        ],
        "Tôi xin cam kết xây dựng đúng giấy phép được cấp và bản vẽ kèm theo; nếu sai, tôi xin "
        "hoàn toàn chịu trách nhiệm và chịu xử lý theo quy định của pháp luật.",
        [("Người làm đơn", "(Ký, ghi rõ họ, chữ đệm, tên)")])


def residence_form():
    """The residence change declaration (our own layout of the usual items)."""
    return blank_form(
        "Tờ khai thay đổi thông tin cư trú", "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", None,
        "Kính gửi: Công an ……………………………………… (xã, thị trấn)",
        [
            "Họ, chữ đệm, tên:",
            ("Ngày, tháng, năm sinh:", "Giới tính:"),
            "Số định danh cá nhân:",
            ("Điện thoại:", "Thư điện tử:"),
            "Nơi thường trú:",
            "Nơi tạm trú:",
            "Nơi ở hiện tại:",
            "Nghề nghiệp, nơi làm việc:",
            ("Họ, chữ đệm, tên chủ hộ:", "Quan hệ với chủ hộ:"),
            "Số định danh cá nhân của chủ hộ:",
            "Nội dung đề nghị (đăng ký thường trú, tạm trú, khai báo tạm vắng…):",
            "",
            ("h", "Những thành viên trong hộ gia đình cùng thay đổi:"),
            ("table", [("TT", 10), ("Họ, chữ đệm, tên", 46), ("Ngày sinh", 24),
                       ("Giới tính", 20), ("Số định danh", 30), ("Quan hệ với chủ hộ", 40)], 3),
        ],
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
        "pháp luật về lời cam đoan của mình.",
        [("Ý kiến của chủ hộ", "(Ghi rõ nội dung, ký, ghi rõ họ tên)"),
         ("Ý kiến của chủ sở hữu chỗ ở hợp pháp", "(Ghi rõ nội dung, ký, ghi rõ họ tên)"),
         ("Người kê khai", "(Ký, ghi rõ họ tên)")])


SPECIAL_PDFS = {
    "files/phieu-dang-ky-du-tuyen.pdf": recruitment_form,
    "files/mau-to-khai-dang-ky-khai-sinh.pdf": birth_form,
    "files/mau-giay-de-nghi-dang-ky-ho-kinh-doanh.pdf": household_business_form,
    "files/mau-don-de-nghi-cap-giay-phep-xay-dung.pdf": building_permit_form,
    "files/mau-to-khai-thay-doi-thong-tin-cu-tru.pdf": residence_form,
}


def write_zip(path, parts):
    """A zip with fixed times and order, so the same parts give the same bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def land_form_docx(path):
    """The land registration form a notice attaches: a minimal Word document."""
    paragraphs = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("Độc lập – Tự do – Hạnh phúc", True),
        ("ĐƠN ĐĂNG KÝ, CẤP GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT", True),
        ("Kính gửi: UBND xã ........................................", False),
        ("Họ và tên người sử dụng đất: ................................", False),
        ("Số căn cước: ........................  Điện thoại: ......................", False),
        ("Địa chỉ thửa đất: thôn ..................., xã ..........................", False),
        ("Diện tích (m²): ..............  Mục đích sử dụng: ..........................", False),
        ("Nguồn gốc sử dụng đất: ..............................................", False),
        ("Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật.", False),
        (NOTE, False),
    ]
    body = "".join(
        "<w:p><w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>".format(
            "<w:rPr><w:b/></w:rPr>" if bold else "", escape(text))
        for text, bold in paragraphs)
    write_zip(path, [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ("word/document.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         f'<w:body>{body}</w:body></w:document>'),
    ])


def figures_xlsx(path):
    """The figures a socio-economic report attaches: a minimal Excel workbook."""
    rows = [
        ["Chỉ tiêu", "Đơn vị", "Kế hoạch 2025", "Ước thực hiện 2025"],
        ["Tỷ lệ hộ nghèo đa chiều", "%", "3", "2,6"],
        ["Trường đạt chuẩn quốc gia", "trường", "24", "25"],
        ["Lượt khách du lịch", "lượt", "110000", "116500"],
        ["Thu ngân sách trên địa bàn", "% dự toán", "100", "108"],
        ["Số liệu minh họa của cổng thông tin thử nghiệm", "", "", ""],
    ]

    def cell(column, row, value):
        reference = f"{'ABCD'[column]}{row}"
        if value.isdigit():
            return f'<c r="{reference}"><v>{value}</v></c>'
        return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'

    sheet = "".join(
        f'<row r="{r + 1}">' + "".join(cell(c, r + 1, v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows))
    write_zip(path, [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         f'<sheetData>{sheet}</sheetData></worksheet>'),
    ])


SPECIAL_FILES = {
    "files/mau-don-dang-ky-dat-dai.docx": land_form_docx,
    "files/bieu-so-lieu-kinh-te-xa-hoi-2025.xlsx": figures_xlsx,
}

def main():
    with open(os.path.join(FOLDER, "documents.json"), encoding="utf-8") as f:
        records = json.load(f)
    written = set()
    for record in records:
        for file in record["files"]:
            path = file["path"]
            if path in written:
                continue
            written.add(path)
            target = os.path.join(FOLDER, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if path in SPECIAL_FILES:
                SPECIAL_FILES[path](target)
            elif path in SPECIAL_PDFS:
                SPECIAL_PDFS[path]().output(target)
            elif path.endswith(".pdf"):
                document_pdf(record).output(target)
            else:
                sys.exit(f"{path}: no way to make this file")
    # Files no document lists any more are left behind by a rename: remove them.
    files_dir = os.path.join(FOLDER, "files")
    for name in sorted(os.listdir(files_dir)):
        if "files/" + name not in written:
            os.remove(os.path.join(files_dir, name))
            print("removed", name)
    total = sum(os.path.getsize(os.path.join(FOLDER, path)) for path in written)
    print(f"{len(written)} files in content/documents/files, {total:,} bytes")


if __name__ == "__main__":
    main()
