"""Uploaded files → the report files inside them, with a zip of reports opened safely.

Pure apart from reading the uploaded objects (anything with .name, .size, .read()).
A file that cannot be taken comes back as a `Refused` with one line of Chinese; the
others go on to the reader. A DOCX is a zip too: it is a report, not an archive.
"""

import io
import zipfile
from dataclasses import dataclass

MAX_FILE_BYTES = 20 * 1024 * 1024  # one uploaded file, report or zip
MAX_FILES = 50  # reports in one batch, after unpacking
MAX_REQUEST_BYTES = 100 * 1024 * 1024  # all files of one upload together
MAX_ZIP_MEMBERS = 50
MAX_ZIP_TOTAL_BYTES = 100 * 1024 * 1024  # all members of one zip, uncompressed
MAX_ZIP_RATIO = 200  # a report compresses ~10:1; a bomb ~1000:1
_MIB = 1024 * 1024


@dataclass(frozen=True)
class Incoming:
    name: str
    data: bytes


@dataclass(frozen=True)
class Refused:
    name: str
    reason: str


def unpack(uploads) -> tuple[list[Incoming], list[Refused]]:
    """The report files among the uploads (a zip replaced by its members)."""
    files: list[Incoming] = []
    refused: list[Refused] = []
    for upload in uploads:
        name = _base_name(upload.name)
        if upload.size > MAX_FILE_BYTES:
            refused.append(Refused(name, f"文件超过 {MAX_FILE_BYTES // _MIB} MB，不能上传"))
            continue
        data = upload.read()
        if not is_archive(data):
            files.append(Incoming(name, data))
            continue
        try:
            files.extend(read_zip(name, data))
        except ArchiveRefused as refusal:
            refused.append(Refused(name, refusal.reason))
    if len(files) > MAX_FILES:
        extra = files[MAX_FILES:]
        refused += [Refused(f.name, f"一次最多核查 {MAX_FILES} 份报告，此文件未核查") for f in extra]
        files = files[:MAX_FILES]
    return files, refused


def is_archive(data: bytes) -> bool:
    """A zip that is not a Word document (a DOCX has word/document.xml)."""
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" not in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False  # the reader says it is a damaged zip


class ArchiveRefused(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_zip(name: str, data: bytes) -> list[Incoming]:
    """The members of a zip of reports; the whole zip is refused if any limit is passed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ArchiveRefused("压缩包已损坏，无法打开") from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        _check_members(members)
        return [Incoming(_member_name(info), _read_member(archive, info)) for info in members]


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    """Refuse by the sizes the zip declares, before anything is inflated."""
    if not members:
        raise ArchiveRefused("压缩包里没有文件")
    if len(members) > MAX_ZIP_MEMBERS:
        raise ArchiveRefused(f"压缩包里有 {len(members)} 个文件，一个压缩包最多 {MAX_ZIP_MEMBERS} 个")
    for info in members:
        shown = _member_name(info)
        if "/" in info.filename or "\\" in info.filename or ".." in info.filename:
            raise ArchiveRefused(f"压缩包里有文件夹或路径（{shown}），请把报告文件直接放在压缩包里，不要放在文件夹中")
        if info.flag_bits & 0x1:
            raise ArchiveRefused(f"压缩包里的“{shown}”有密码，无法读取")
        if info.file_size > _MIB and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ArchiveRefused("压缩包压缩比异常（疑似压缩炸弹），已拒绝")
        if info.file_size > MAX_FILE_BYTES:
            raise ArchiveRefused(f"压缩包里的“{shown}”解压后超过 {MAX_FILE_BYTES // _MIB} MB")
    if sum(info.file_size for info in members) > MAX_ZIP_TOTAL_BYTES:
        raise ArchiveRefused(f"压缩包解压后超过 {MAX_ZIP_TOTAL_BYTES // _MIB} MB（疑似压缩炸弹），已拒绝")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Read at most one byte past the declared size: a member that lies about it is refused.
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise ArchiveRefused(f"压缩包里的“{_member_name(info)}”已损坏或压缩方式不受支持") from None
    if len(data) > info.file_size:
        raise ArchiveRefused("压缩包内文件大小与声明不符（疑似压缩炸弹），已拒绝")
    return data


def _member_name(info: zipfile.ZipInfo) -> str:
    """Windows zips name Chinese files in GBK without saying so; zipfile reads them as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name[:255]


def _base_name(name: str) -> str:
    return (name or "未命名文件").replace("\\", "/").rsplit("/", 1)[-1][:255]
