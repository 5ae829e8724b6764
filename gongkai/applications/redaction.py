"""Redaction burned in (区分处理, 条例第三十七条): nothing under the black survives.

Each page is rendered (pypdfium2), the boxes are filled black on the pixels with their
reason's short label printed in white, and the page is rebuilt as one image (pikepdf).
Nothing of the original page's content stream is carried over: no text, vector or
image under a box can be recovered.

The text layer is kept where it does not touch a box: every character of the original
whose (loose) box does not intersect any redaction box is written back, invisible
(text render mode 3), at its original position and size, so the delivered file can
still be searched and copied outside the withheld parts. Characters touching a box are
dropped; the box's label is written invisibly inside it. No OCR: the kept characters
are the original text itself. Rotated pages get no text layer (the image only).

Pure module: bytes and Box values in, bytes out; errors are `RedactionError` with a
Chinese message. DOCX/XLSX are converted to PDF first with LibreOffice where installed.
"""

from __future__ import annotations

import ctypes
import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DPI = 150
JPEG_QUALITY = 80
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)


class RedactionError(Exception):
    """Input that cannot be redacted; str(error) says why, in Chinese."""


@dataclass(frozen=True)
class Box:
    """One withheld area: page number from 1, points from the page's top-left corner."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    label: str

    def intersects(self, left: float, top: float, right: float, bottom: float) -> bool:
        return left < self.x1 and right > self.x0 and top < self.y1 and bottom > self.y0


@dataclass(frozen=True)
class Redacted:
    pdf: bytes
    page_count: int


# --- opening -----------------------------------------------------------------------------


def open_pdf(data: bytes, *, max_pages: int):
    """The document, or a Chinese reason why not."""
    import pypdfium2 as pdfium

    if not data.startswith(b"%PDF"):
        raise RedactionError("文件不是 PDF 格式，无法进行区分处理。")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise RedactionError("PDF 文件已加密，请提供未加密的文件后再进行区分处理。") from None
        raise RedactionError("PDF 文件已损坏或无法读取，请重新导出后上传。") from None
    pages = len(document)
    if pages == 0:
        document.close()
        raise RedactionError("PDF 文件没有页面。")
    if pages > max_pages:
        document.close()
        raise RedactionError(f"PDF 文件共{pages}页，超过区分处理的上限{max_pages}页，请拆分后分别处理。")
    return document


def page_sizes(data: bytes, *, max_pages: int) -> list[tuple[float, float]]:
    """Width and height (points) of every page, for drawing boxes on them."""
    document = open_pdf(data, max_pages=max_pages)
    try:
        return [tuple(document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


def image_sizes(data: bytes, *, dpi: int = DPI) -> list[tuple[float, float]]:
    """An image as one page: its size in points at `dpi`."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise RedactionError("图片文件已损坏或格式无法识别，请重新上传 JPG 或 PNG 图片。") from None
    return [(width * 72 / dpi, height * 72 / dpi)]


def check_boxes(boxes: Sequence[Box], sizes: Sequence[tuple[float, float]]) -> None:
    for number, box in enumerate(boxes, 1):
        where = f"第{number}个遮盖框"
        if not 1 <= box.page <= len(sizes):
            raise RedactionError(f"{where}在第{box.page}页，但文件只有{len(sizes)}页。")
        width, height = sizes[box.page - 1]
        if box.x1 <= box.x0 or box.y1 <= box.y0:
            raise RedactionError(f"{where}的宽度或高度为零，请重新画框。")
        if box.x0 < -0.5 or box.y0 < -0.5 or box.x1 > width + 0.5 or box.y1 > height + 0.5:
            raise RedactionError(f"{where}超出了第{box.page}页的页面范围，请在页面内画框。")
        if not box.label.strip():
            raise RedactionError(f"{where}没有选择不予公开的理由。")


# --- redacting ----------------------------------------------------------------------------


def redact_pdf(
    data: bytes, boxes: Sequence[Box], *, max_pages: int = 300, dpi: int = DPI,
    progress: Callable[[int, int], None] | None = None,
) -> Redacted:
    """The delivered PDF: every page rendered, boxes burned in, text outside them kept."""
    import pikepdf

    document = open_pdf(data, max_pages=max_pages)
    try:
        sizes = [tuple(document[i].get_size()) for i in range(len(document))]
        check_boxes(boxes, sizes)
        output = pikepdf.new()
        font = _text_font(output)
        for index in range(len(document)):
            page = document[index]
            on_page = [b for b in boxes if b.page == index + 1]
            _add_page(output, font, page, sizes[index], on_page, dpi)
            page.close()
            if progress:
                progress(index + 1, len(sizes))
        buffer = io.BytesIO()
        output.save(buffer, compress_streams=True)
        return Redacted(buffer.getvalue(), len(sizes))
    finally:
        document.close()


def redact_image(data: bytes, boxes: Sequence[Box], *, dpi: int = DPI) -> Redacted:
    """An image (JPG, PNG …) as a one-page PDF with the boxes burned in. Box points are
    the image's pixels at `dpi`."""
    import pikepdf
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        raise RedactionError("图片文件已损坏或格式无法识别，请重新上传 JPG 或 PNG 图片。") from None
    image = image.convert("RGB")
    size = (image.width * 72 / dpi, image.height * 72 / dpi)
    check_boxes(boxes, [size])
    _burn(image, boxes, 72 / dpi)
    output = pikepdf.new()
    _image_page(output, image, size, b"")
    buffer = io.BytesIO()
    output.save(buffer, compress_streams=True)
    return Redacted(buffer.getvalue(), 1)


def _add_page(output, font, page, size, boxes: Sequence[Box], dpi: int) -> None:
    scale = dpi / 72
    image = page.render(scale=scale).to_pil().convert("RGB")
    _burn(image, boxes, 1 / scale)
    text = b"" if page.get_rotation() else _text_layer(page, size[1], boxes)
    _image_page(output, image, size, text, font)


def _burn(image, boxes: Sequence[Box], points_per_pixel: float) -> None:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    for box in boxes:
        # One pixel more on every side: nothing anti-aliased at the edge survives.
        left, top = int(box.x0 / points_per_pixel) - 1, int(box.y0 / points_per_pixel) - 1
        right, bottom = int(box.x1 / points_per_pixel + 0.999) + 1, int(box.y1 / points_per_pixel + 0.999) + 1
        draw.rectangle((left, top, right, bottom), fill=(0, 0, 0))
        _label(draw, box.label, left, top, right, bottom)


def _label(draw, label: str, left: int, top: int, right: int, bottom: int) -> None:
    width, height = right - left, bottom - top
    size = max(6, min(int(height * 0.6), 28))
    while size > 6 and _font(size).getlength(label) > width - 4:
        size -= 1
    font = _font(size)
    x = left + max(2, (width - font.getlength(label)) / 2)
    y = top + max(0, (height - size) / 2)
    draw.text((x, y), label, fill=(255, 255, 255), font=font)


@lru_cache(maxsize=32)
def _font(size: int):
    from PIL import ImageFont

    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


# --- the rebuilt page ----------------------------------------------------------------------


def _image_page(output, image, size, text: bytes, font=None) -> None:
    import pikepdf

    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=JPEG_QUALITY)
    xobject = pikepdf.Stream(output, jpeg.getvalue())
    xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    xobject.Width, xobject.Height = image.width, image.height
    xobject.ColorSpace, xobject.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
    xobject.Filter = pikepdf.Name.DCTDecode
    width, height = size
    resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject))
    if text and font is not None:
        resources.Font = pikepdf.Dictionary(F1=font)
    content = f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Im0 Do Q\n".encode() + text
    page = pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, width, height], Resources=resources,
        Contents=pikepdf.Stream(output, content),
    ))
    output.pages.append(page)


def _text_layer(page, height: float, boxes: Sequence[Box]) -> bytes:
    """The page's characters that touch no box, invisible, where they were; each box's
    label inside it."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    parts = [b"BT 3 Tr"]
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for index in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(textpage, index)
            if code < 0x21 or code > 0xFFFF or 0xD800 <= code < 0xE000 or code in (0xFFFE, 0xFFFF):
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if any(box.intersects(left, height - top, right, height - bottom) for box in boxes):
                continue  # withheld: not written back
            if not raw.FPDFText_GetCharOrigin(textpage, index, x, y):
                continue
            parts.append(_show(code, x.value, y.value, raw.FPDFText_GetFontSize(textpage, index), right - left))
    finally:
        textpage.close()
    for box in boxes:
        size = max(4.0, min((box.y1 - box.y0) * 0.6, 14.0))
        step = min(size, (box.x1 - box.x0) / max(len(box.label), 1))
        for n, char in enumerate(box.label):
            parts.append(_show(ord(char), box.x0 + 2 + n * step, height - box.y1 + (box.y1 - box.y0 - size) / 2,
                               size, step))
    parts.append(b"ET\n")
    return b"\n".join(parts)


def _show(code: int, x: float, y: float, size: float, width: float) -> bytes:
    size = size if size > 0.5 else 10.0
    scale = max(1.0, min(width / size * 100, 1000.0))  # Tz: the glyph's advance as the original's
    return f"/F1 {size:.2f} Tf {scale:.1f} Tz 1 0 0 1 {x:.2f} {y:.2f} Tm <{code:04X}> Tj".encode()


def _text_font(output):
    """STSong-Light with the UniGB-UCS2-H encoding: a font every PDF reader knows without
    a font file, whose character codes are the Unicode code points. Enough for
    invisible text; nothing is embedded."""
    import pikepdf

    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/STSong-Light"), Flags=6,
        FontBBox=[-25, -254, 1000, 880], ItalicAngle=0, Ascent=880, Descent=-120, CapHeight=880, StemV=93,
    )
    cid_font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0, BaseFont=pikepdf.Name("/STSong-Light"),
        CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="GB1", Supplement=2),
        FontDescriptor=output.make_indirect(descriptor), DW=1000,
    )
    return output.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/STSong-Light-UniGB-UCS2-H"),
        Encoding=pikepdf.Name("/UniGB-UCS2-H"), DescendantFonts=[output.make_indirect(cid_font)],
    ))


# --- DOCX and XLSX --------------------------------------------------------------------------


def office_to_pdf(data: bytes, suffix: str, *, timeout: int = 120) -> bytes:
    """A DOCX or XLSX converted to PDF by LibreOffice (headless), where it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RedactionError("服务器未安装 LibreOffice，无法将 DOCX/XLSX 文件转换为 PDF 进行区分处理；"
                             "请先转换为 PDF 后上传。")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(data)
        try:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                check=True, capture_output=True, timeout=timeout,
                env={"HOME": folder, "PATH": "/usr/bin:/bin"},
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise RedactionError("文件无法转换为 PDF，请检查文件是否完好，或转换为 PDF 后上传。") from None
        converted = source.with_suffix(".pdf")
        if not converted.exists():
            raise RedactionError("文件无法转换为 PDF，请检查文件是否完好，或转换为 PDF 后上传。")
        return converted.read_bytes()
