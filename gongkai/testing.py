"""Shared test personas: one small county with the roles every test talks about.

    county            郏县人民政府 (government)
    dept              县教育局 (department under the county)
    other_dept        县民政局 (another department)
    office_admin      政务公开办管理员 of the county: sees everything under it
    clerk / approver / reviewer   of dept
    other_agency_clerk            clerk of other_dept: must never see dept's records
    applicant         a member of the public with an account-less identity
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, AgencyKind, Role, StaffRole


@dataclass
class County:
    county: Agency
    dept: Agency
    other_dept: Agency
    office_admin: object
    clerk: object
    approver: object
    reviewer: object
    other_agency_clerk: object
    no_role_user: object


def make_staff(username: str, agency: Agency, *roles: str, full_name: str = ""):
    User = get_user_model()
    user = User.objects.create_user(username=username, password="password", first_name=full_name)
    for role in roles:
        StaffRole.objects.create(user=user, agency=agency, role=role)
    return user


def make_county() -> County:
    county = Agency.objects.create(
        code="jiaxian", name="郏县人民政府", short_name="县政府", kind=AgencyKind.GOVERNMENT,
        index_prefix="005252841", office_name="郏县人民政府办公室", office_phone="0375-5199000",
        office_address="河南省郏县政府街1号", office_postcode="467100", reconsideration_body="平顶山市人民政府",
    )
    dept = Agency.objects.create(
        code="jiaxian-edu", name="郏县教育局", short_name="县教育局", kind=AgencyKind.DEPARTMENT,
        parent=county, index_prefix="005252900", office_name="郏县教育局办公室",
        office_address="河南省郏县文化路100号", office_phone="0375-5190000", office_postcode="467100",
        fee_payment_method="通过郏县非税收入缴款码缴纳",
    )
    other_dept = Agency.objects.create(
        code="jiaxian-civil", name="郏县民政局", short_name="县民政局", kind=AgencyKind.DEPARTMENT,
        parent=county, index_prefix="005252911", office_name="郏县民政局办公室",
        office_address="河南省郏县人民路8号", office_phone="0375-5191111", office_postcode="467100",
    )
    return County(
        county=county,
        dept=dept,
        other_dept=other_dept,
        office_admin=make_staff("office", county, Role.OFFICE_ADMIN, full_name="公开办"),
        clerk=make_staff("clerk", dept, Role.CLERK, full_name="李经办"),
        approver=make_staff("approver", dept, Role.APPROVER, full_name="王负责"),
        reviewer=make_staff("reviewer", dept, Role.REVIEWER, full_name="赵审查"),
        other_agency_clerk=make_staff("other_clerk", other_dept, Role.CLERK, full_name="钱经办"),
        no_role_user=get_user_model().objects.create_user(username="nobody", password="password"),
    )


def answer_application(application, county: County, on, outcome="granted", **decision):
    """Take a case to a signed reply the way the rules want it: the clerk decides, a
    disclosing reply passes the reviewer's 保密审查, the approver signs (three people)."""
    from gongkai.applications import actions

    application = actions.do_decide_application(application, outcome=outcome, acting_user=county.clerk, **decision)
    if actions.reply_needs_review(application):
        application = actions.do_review_reply(application, passed=True, acting_user=county.reviewer)
    return actions.do_sign_reply(application, on=on, acting_user=county.approver)


def verify_second_factor(client, user):
    """What the staff member's phone does at log-in: a confirmed TOTP device for `user`
    and this client's session marked verified with it (django-otp's session key), as
    the two-factor page leaves it. Used by tests that log in with `force_login`."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="测试验证器", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


# --- real files of each upload kind, made here (gongkai/uploads.py checks them whole) ---

# A complete one-page PDF, written out by hand.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def png_bytes(size=(4, 4)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, "PNG")
    return out.getvalue()


def docx_bytes(text: str = "附件：学校名单") -> bytes:
    import io

    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def ofd_bytes() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("OFD.xml", '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>')
        archive.writestr("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")
    return out.getvalue()


def ole2_bytes(stream: str = "WordDocument") -> bytes:
    """A minimal OLE2 compound file (as Word 97-2003 and WPS write) holding one 4 KiB
    stream: header, one FAT sector, one directory sector, eight data sectors."""
    import struct

    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = [fat_sector, end] + list(range(3, 10)) + [end]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1 if name else 0)
                + struct.pack("<III", no_stream, no_stream, child) + b"\x00" * 16 + b"\x00" * 4
                + b"\x00" * 16 + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry(stream, 2, no_stream, 2, 4096)
                 + entry("", 0, no_stream, 0, 0) * 2)
    return header + fat_bytes + directory + b"\x00" * 4096
