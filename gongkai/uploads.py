"""Every uploaded file is checked here, whole, before anything stores or reads it.

One module for every upload of the platform (item attachments, proof-of-identity
scans, report-checker files, spreadsheet imports …), so a file is judged the same
way wherever it comes in:

- its kind comes from its content, never from its name (a renamed page stays a page);
- the whole file must be what its first bytes claim: a PDF opens in PDFium and every
  page loads, an image decodes to its last pixel in Pillow, a DOCX/XLSX/OFD is a zip
  whose every member passes its CRC and holds the parts the format requires, a .doc or
  .wps is an OLE2 compound file that opens (the 2003 Word and WPS formats many county
  offices still save in), a CSV is text in UTF-8 or GB18030;
- it is stored under a generated name with the extension of the kind it was found to
  be (`stored_name`), so no uploaded name ever reaches the file system;
- it is served (`download_response`) with the content type found at upload, as an
  attachment, never rendered by the browser.

Files are written 0600 by Django's storage (settings.FILE_UPLOAD_PERMISSIONS), and
`gongkai media orphans [--delete]` finds files no row refers to.

How to use it (for any new upload):

    from gongkai import uploads

    checked = uploads.check_upload(upload, uploads.DOCUMENT_KINDS, what="补正材料")
    # raises uploads.UploadRefused (a ValidationError, Chinese message) when refused
    record.file.save(uploads.stored_name(checked), upload, save=False)
    …
    return uploads.download_response(record.file, content_type=checked.content_type,
                                     filename=record.original_name)

In a form, call `check_upload` from `clean_<field>`: the refusal shows next to the field.
"""

from __future__ import annotations

import io
import uuid
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import olefile
import pypdfium2
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from PIL import Image

_MIB = 1024 * 1024
MAX_PDF_PAGES = 5000
MAX_UNZIPPED_BYTES = 300 * _MIB  # all members of an OOXML or OFD file, inflated
MAX_ZIP_RATIO = 200  # a document compresses ~10:1; a zip bomb ~1000:1


@dataclass(frozen=True)
class FileKind:
    name: str
    label: str  # as the refusal names it to the person uploading
    extension: str
    content_type: str


PDF = FileKind("pdf", "PDF", "pdf", "application/pdf")
PNG = FileKind("png", "PNG", "png", "image/png")
JPEG = FileKind("jpeg", "JPEG", "jpg", "image/jpeg")
GIF = FileKind("gif", "GIF", "gif", "image/gif")
DOCX = FileKind("docx", "Word（DOCX）", "docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileKind("xlsx", "Excel（XLSX）", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DOC = FileKind("doc", "Word 97-2003（DOC）", "doc", "application/msword")
WPS = FileKind("wps", "WPS 文字（WPS）", "wps", "application/vnd.ms-works")
OFD = FileKind("ofd", "OFD 版式文件", "ofd", "application/ofd")
CSV = FileKind("csv", "CSV", "csv", "text/csv")

IMAGE_KINDS = (PNG, JPEG, GIF)
# Item attachments (issue 15 asks for .doc/.wps/.ofd beside the modern formats).
DOCUMENT_KINDS = (PDF, DOCX, XLSX, DOC, WPS, OFD, *IMAGE_KINDS)
PROOF_KINDS = (JPEG, PNG, PDF)
TABLE_KINDS = (XLSX, CSV)
BY_CONTENT_TYPE = {kind.content_type: kind for kind in (*DOCUMENT_KINDS, CSV)}


class UploadRefused(ValidationError):
    """The file is refused; str(message) says why, in Chinese."""


@dataclass(frozen=True)
class CheckedFile:
    kind: FileKind
    size: int

    @property
    def content_type(self) -> str:
        return self.kind.content_type

    @property
    def extension(self) -> str:
        return self.kind.extension


def names(kinds: Iterable[FileKind]) -> str:
    return "、".join(kind.label for kind in kinds)


def check_upload(upload, kinds: Iterable[FileKind], *, max_bytes: int | None = None, what: str = "文件") -> CheckedFile:
    """Read the whole upload (anything with .name, .size, .read(), .seek()) and say what
    it is, or raise UploadRefused. The upload is left at its start."""
    kinds = tuple(kinds)
    limit = max_bytes if max_bytes is not None else settings.ATTACHMENT_MAX_BYTES
    shown = _shown_name(getattr(upload, "name", ""))
    if upload.size > limit:
        raise UploadRefused(f"{what}“{shown}”超过了大小上限（{limit / _MIB:g} MB），未保存。")
    if upload.size == 0:
        raise UploadRefused(f"{what}“{shown}”是空文件，未保存。")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return check_bytes(data, kinds, name=getattr(upload, "name", ""), what=what)


def check_table(upload, *, max_bytes: int | None = None, what: str = "表格文件") -> CheckedFile:
    """A spreadsheet import: XLSX or CSV by content, and named as what it is (the
    importers read a table by its extension)."""
    checked = check_upload(upload, TABLE_KINDS, max_bytes=max_bytes, what=what)
    if not upload.name.lower().endswith(f".{checked.extension}"):
        raise UploadRefused(f"{what}“{_shown_name(upload.name)}”的内容是 {checked.kind.label}，"
                            f"但文件名不是 .{checked.extension}，请改正文件名后再导入。")
    return checked


def check_bytes(data: bytes, kinds: Iterable[FileKind], *, name: str = "", what: str = "文件") -> CheckedFile:
    kinds = tuple(kinds)
    shown = _shown_name(name)
    kind = _kind_of(data, kinds, name)
    if kind is None or kind not in kinds:
        raise UploadRefused(f"{what}“{shown}”的内容不是允许的文件类型，未保存。只能上传 {names(kinds)} 文件（按文件内容判断，不看文件名）。")
    problem = _CHECKS[kind.name](data)
    if problem:
        raise UploadRefused(f"{what}“{shown}”不是完整有效的 {kind.label} 文件（{problem}），未保存。")
    return CheckedFile(kind, len(data))


def stored_name(checked: CheckedFile) -> str:
    """A generated file name with the extension of what the file is."""
    return f"{uuid.uuid4().hex}.{checked.extension}"


def download_response(field_file, *, content_type: str, filename: str) -> FileResponse:
    """A stored upload as a download: the checked type, `attachment`, never sniffed."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("文件不存在。") from missing
    kind = BY_CONTENT_TYPE.get(content_type)
    response = FileResponse(handle, as_attachment=True, filename=filename or f"file.{kind.extension if kind else 'bin'}",
                            content_type=kind.content_type if kind else "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def kind_of_stored(name: str) -> FileKind | None:
    """The kind a stored file was checked to be, from its generated extension."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return next((k for k in (*DOCUMENT_KINDS, CSV) if k.extension == extension), None)


# --- telling the kind ------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _kind_of(data: bytes, kinds: tuple[FileKind, ...], name: str) -> FileKind | None:
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_OLE2):
        # Word 97-2003 and WPS 文字 are both OLE2 files; the name tells which was meant.
        return WPS if name.lower().endswith(".wps") and WPS in kinds else DOC
    if CSV in kinds:
        return CSV
    return None


def _zip_kind(data: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None
    if "word/document.xml" in members:
        return DOCX
    if "xl/workbook.xml" in members:
        return XLSX
    if "OFD.xml" in members:
        return OFD
    return None


# --- checking the whole file -------------------------------------------------------------


def _check_pdf(data: bytes) -> str:
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return "无法打开"
    try:
        pages = len(document)
        if pages == 0:
            return "没有页面"
        if pages > MAX_PDF_PAGES:
            return f"超过 {MAX_PDF_PAGES} 页"
        for index in range(pages):
            document[index].close()
    except pypdfium2.PdfiumError:
        return "有页面已损坏"
    finally:
        document.close()
    return ""


def _check_image(data: bytes) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # decode every pixel: a cut-off file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "图片像素过多"
    except (OSError, SyntaxError, ValueError, Image.UnidentifiedImageError):
        return "图片无法解码"
    return ""


def _check_zip(data: bytes, required: tuple[str, ...]) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            missing = [part for part in required if part not in archive.namelist()]
            if missing:
                return f"缺少 {missing[0]}"
            if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES or any(
                info.file_size > _MIB and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)
                for info in infos
            ):
                return "解压后过大"
            if archive.testzip() is not None:
                return "内容已损坏"
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return "压缩结构已损坏"
    return ""


def _check_ole(data: bytes, stream: str | None) -> str:
    try:
        if not olefile.isOleFile(data):
            return "不是复合文档"
        with olefile.OleFileIO(data) as ole:
            if stream is not None and not ole.exists(stream):
                return f"缺少 {stream} 数据流"
            if not ole.listdir():
                return "没有内容"
    except (OSError, ValueError, IndexError, AssertionError):
        return "复合文档已损坏"
    return ""


def _check_csv(data: bytes) -> str:
    if b"\x00" in data:
        return "含有二进制内容"
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            data.decode(encoding)
            return ""
        except UnicodeDecodeError:
            continue
    return "不是 UTF-8 或 GB18030 编码的文本"


_CHECKS = {
    "pdf": _check_pdf,
    "png": _check_image,
    "jpeg": _check_image,
    "gif": _check_image,
    "docx": lambda data: _check_zip(data, ("[Content_Types].xml", "word/document.xml")),
    "xlsx": lambda data: _check_zip(data, ("[Content_Types].xml", "xl/workbook.xml")),
    "ofd": lambda data: _check_zip(data, ("OFD.xml",)),
    "doc": lambda data: _check_ole(data, "WordDocument"),
    "wps": lambda data: _check_ole(data, None),
    "csv": _check_csv,
}


def _shown_name(name: str) -> str:
    return (name or "未命名文件").replace("\\", "/").rsplit("/", 1)[-1][:100]
