"""Tell a file's kind from its bytes, never from its name, and decode text."""

import codecs
import io
import re
import zipfile

from .errors import ReportUnreadable

PDF = "pdf"
DOCX = "docx"
HTML = "html"
TEXT = "text"

_HTML_TAG = re.compile(rb"<\s*(?:!doctype\s+html|html|body|table|head|meta|div|p|tr|td)\b", re.I)


def sniff(data: bytes) -> str:
    """The kind of file: pdf, docx, html or text; ReportUnreadable for anything else."""
    if not data.strip():
        raise ReportUnreadable("文件是空的")
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportUnreadable("这是旧版 Word（.doc）或其他 OLE 文件，请另存为 DOCX 或 PDF 后再上传")
    if _looks_like_image(head):
        raise ReportUnreadable("这是一张图片，不是文字版的年度报告")
    text = decode_text(data)
    if _HTML_TAG.search(text[:4096].encode("utf-8", "ignore")):
        return HTML
    return TEXT


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReportUnreadable("压缩包已损坏，无法读取") from None
    if "word/document.xml" in names:
        return DOCX
    raise ReportUnreadable("这是一个压缩包，但不是 Word（DOCX）文档")


def _looks_like_image(head: bytes) -> bool:
    return head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*"))


def decode_text(data: bytes) -> str:
    """Text in UTF-8 (with or without BOM), UTF-16 (with BOM or by its zero bytes) or GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_or_refuse(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_or_refuse(data, "utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_or_refuse(data, utf16)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _is_mostly_text(text):
            return text
    raise ReportUnreadable("无法识别的文件：既不是 PDF、Word、网页，也不是文本")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII in UTF-16 has a zero byte in every other position; CJK rarely has zero bytes.
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def _decode_or_refuse(data: bytes, encoding: str) -> str:
    text = data.decode(encoding, errors="replace")
    if not _is_mostly_text(text):
        raise ReportUnreadable("无法识别的文件：既不是 PDF、Word、网页，也不是文本")
    return text


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _is_mostly_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = len(_NOT_TEXT.findall(sample))
    # GB18030 decodes almost any byte string; control characters give binary away.
    return bad <= len(sample) * 0.01
